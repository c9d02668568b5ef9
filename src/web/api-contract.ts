/**
 * The HTTP API's contract (docs/api.md): one zod schema for each request and each answer. The
 * server parses requests with it; the tab and the Outlook task pane type their calls with it and
 * check what they send and what comes back.
 * @remarks A request schema holds the request's *shape*: the JSON types of its fields, and query
 * parameters with their stable codes and messages. Whether a field is required, its length, its
 * format and its vocabulary are the domain's rules (`src/domain/`), which keep their own codes and
 * messages; unknown fields are left for the domain to name (it masks what looks like an identity
 * number). Each request also has a narrowed schema, `…Request`, for what a client sends.
 * Written with `zod/mini` (the same schemas, functional API): the pages bundle it, and the full
 * `zod` would more than double the Outlook task pane's script.
 */
import * as z from 'zod/mini';
import { CAUSE_IDS } from '../domain/causes';
import type { Duties } from '../domain/duties';
import { issue, type FieldIssue } from '../domain/errors';
import type { AuditEvent, Incident } from '../domain/incident';
import type { Role } from '../domain/person';
import { CONSEQUENCE_IDS, SUBJECT_CATEGORY_IDS } from '../domain/notice-details';
import { REGISTER_CHECKS, type RegisterCheckId } from '../domain/register-checks';
import type { RegisterReport } from '../domain/register-report';
import type { SendCheckMonth } from '../domain/send-check-counts';
import { BREACH_TYPE_IDS, DATA_CATEGORY_IDS, RISK_LEVEL_IDS, SOURCES, STATUS_IDS } from '../domain/vocabulary';
import { LEGAL_HOLD_REASON_IDS } from '../domain/legal-hold';
import { RETENTION_SCOPES, type DueForCulling } from '../domain/retention';
import type { IncidentDetails } from '../use-cases/get-incident';
import type { RetentionCullResult, RetentionRun } from '../use-cases/retention';
import { parseIsoInstant } from '../domain/stockholm-time';

// ---------------------------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------------------------

/** A query parameter: its schema, and the stable code and messages of a 400 when it does not fit. */
export interface QueryParam<T> {
  schema: z.ZodMiniType<T>;
  code: string;
  message: string;
  messageEn: string;
}

function param<T>(schema: z.ZodMiniType<T>, code: string, message: string, messageEn: string): QueryParam<T> {
  return { schema, code, message, messageEn };
}

/** The sources a report can be made from over the API (`?source=`). */
export const API_SOURCES = ['tab', 'outlook', 'api'] as const;
export type ApiSource = (typeof API_SOURCES)[number];

/** Every query parameter of the API, by name. */
export const QUERY = {
  /** POST /api/incidents. */
  source: param(
    z._default(z.enum(API_SOURCES), 'api'),
    'invalid_source',
    'source ska vara tab, outlook eller api.',
    'source must be tab, outlook or api.',
  ),
  /** GET /api/incidents. */
  scope: param(
    z._default(z.enum(['mine', 'all']), 'mine'),
    'invalid_scope',
    'scope ska vara mine eller all.',
    'scope must be mine or all.',
  ),
  open: param(
    z.pipe(
      z.optional(z.enum(['true', 'false'])),
      z.transform((v) => v === 'true'),
    ),
    'invalid_open',
    'open ska vara true eller false.',
    'open must be true or false.',
  ),
  limit: param(
    z.optional(
      z.pipe(
        z.string().check(z.regex(/^\d+$/)),
        z.pipe(z.transform(Number), z.int().check(z.minimum(1), z.maximum(500))),
      ),
    ),
    'invalid_limit',
    'limit ska vara ett heltal från 1 till 500.',
    'limit must be a whole number from 1 to 500.',
  ),
  cursor: param(
    z.optional(z.string().check(z.maxLength(500))),
    'invalid_cursor',
    'cursor är ogiltig; börja om från första sidan.',
    'Invalid cursor; start again from the first page.',
  ),
  /** GET /api/register/report: the period's dates (their format is the domain's rule). */
  from: param(
    z.optional(z.string()),
    'invalid_date',
    'from ska anges en gång, som ÅÅÅÅ-MM-DD.',
    'from must be given once, as YYYY-MM-DD.',
  ),
  to: param(
    z.optional(z.string()),
    'invalid_date',
    'to ska anges en gång, som ÅÅÅÅ-MM-DD.',
    'to must be given once, as YYYY-MM-DD.',
  ),
  /** GET /api/register/export. */
  format: param(
    z._default(z.enum(['csv', 'xlsx']), 'csv'),
    'invalid_format',
    'format ska vara csv eller xlsx.',
    'format must be csv or xlsx.',
  ),
  /** GET /api/register/report?format=docx: the ärendebeteckning typed in (its rules are the domain's). */
  caseNumber: param(
    z.optional(z.string()),
    'invalid_case_number',
    'caseNumber ska anges högst en gång.',
    'caseNumber must be given at most once.',
  ),
  /** GET /api/retention: the day the due list counts to (its format is the domain's rule). */
  asOf: param(
    z.optional(z.string()),
    'invalid_date',
    'asOf ska anges en gång, som ÅÅÅÅ-MM-DD.',
    'asOf must be given once, as YYYY-MM-DD.',
  ),
  /** GET /api/retention/runs/:id/export: the register rows (XLSX) or the audit trail (JSON). */
  kind: param(
    z._default(z.enum(['xlsx', 'audit']), 'xlsx'),
    'invalid_kind',
    'kind ska vara xlsx eller audit.',
    'kind must be xlsx or audit.',
  ),
  // GET /api/incidents/:id/notice (its `kind` and `format` are read by the route: the retention and register exports have those names),
  // and GET /api/register/report?format=docx: the document's language.
  lang: param(
    z._default(z.enum(['sv', 'en']), 'sv'),
    'invalid_lang',
    'lang ska vara sv eller en.',
    'lang must be sv or en.',
  ),
  /** The IMY text of a notice about to be recorded: when it is sent (ISO 8601) and whether it is phased. */
  notifiedAt: param(
    z.optional(z.string().check(z.refine((v) => parseIsoInstant(v) !== undefined))),
    'invalid_notified_at',
    'notifiedAt ska vara en tidpunkt i ISO 8601, till exempel 2026-11-18T09:30:00Z.',
    'notifiedAt must be an ISO 8601 instant, e.g. 2026-11-18T09:30:00Z.',
  ),
  phased: param(
    z.pipe(
      z.optional(z.enum(['true', 'false'])),
      z.transform((v) => (v === undefined ? undefined : v === 'true')),
    ),
    'invalid_phased',
    'phased ska vara true eller false.',
    'phased must be true or false.',
  ),
} as const;

export type QueryName = keyof typeof QUERY;

// ---------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------

const text = z.nullish(z.string());
const instantText = z.nullish(z.string());
const flag = z.nullish(z.boolean());

/** POST /api/incidents: a report. */
export const reportBody = z.looseObject({
  reportId: text,
  title: text,
  description: text,
  discoveredAt: instantText,
  occurredAt: instantText,
  breachTypes: z.nullish(z.array(z.string())),
  dataCategories: z.nullish(z.array(z.string())),
  affectedCount: z.nullish(z.number()),
  cause: text,
  measures: text,
  unit: text,
  sourceMessageId: text,
  internetMessageId: text,
});

/** POST /api/retention/runs: lists what is due into a run (`asOf`: YYYY-MM-DD, default today). */
export const retentionRunBody = z.looseObject({ asOf: text });
export const retentionRunRequest = z.strictObject({ asOf: z.optional(z.string()) });
/** POST /api/retention/runs/:id/cull: the DPO confirms by giving the number of incidents listed. */
export const retentionCullBody = z.looseObject({ confirm: z.nullish(z.number()) });
export const retentionCullRequest = z.strictObject({ confirm: z.number() });

/** The changes a DPO makes, by route (`POST /api/incidents/:id/<route>`). */
export const changeBodies = {
  take: z.looseObject({}),
  awareness: z.looseObject({ awareAt: instantText, reason: text }),
  ended: z.looseObject({ endedAt: instantText }),
  assessment: z.looseObject({
    risk: text,
    rationale: text,
    breachTypes: z.nullish(z.array(z.string())),
    severity: z.nullish(
      z.looseObject({
        dpc: z.nullish(z.number()),
        ei: z.nullish(z.number()),
        cb: z.nullish(z.number()),
        score: z.nullish(z.number()),
      }),
    ),
  }),
  'imy-notice': z.looseObject({ notifiedAt: instantText, reference: text, phased: flag, delayReason: text }),
  'imy-supplement': z.looseObject({ sentAt: instantText }),
  'subject-notice': z.looseObject({ notifiedAt: instantText, method: text, notInformedReason: text }),
  'lex-sarah': z.looseObject({
    reportedAt: instantText,
    reportedToIvo: flag,
    ivoReportedAt: instantText,
    ivoReference: text,
  }),
  'police-report': z.looseObject({ reportedAt: instantText, reference: text }),
  'notice-details': z.looseObject({
    subjectCategories: z.nullish(z.array(z.string())),
    affectedCount: z.nullish(z.number()),
    recordCount: z.nullish(z.number()),
    consequences: z.nullish(z.array(z.string())),
    consequencesText: text,
    measures: text,
    plannedMeasures: text,
    crossBorder: flag,
  }),
  close: z.looseObject({}),
  'legal-hold': z.looseObject({ reason: text, reference: text }),
  'lift-legal-hold': z.looseObject({}),
  link: z.looseObject({ mainNumber: text }),
  unlink: z.looseObject({}),
} as const;

export type ChangeAction = keyof typeof changeBodies;
export const CHANGE_ACTIONS = Object.keys(changeBodies) as ChangeAction[];

// What a client sends: the shapes above narrowed to the fields a client fills in and their vocabulary.

/** A report as the tab and the task pane send it. */
export const reportRequest = z.strictObject({
  reportId: z.string(),
  title: z.string(),
  description: z.string(),
  discoveredAt: z.string(),
  occurredAt: z.optional(z.string()),
  breachTypes: z.optional(z.array(z.enum(BREACH_TYPE_IDS))),
  dataCategories: z.optional(z.array(z.enum(DATA_CATEGORY_IDS))),
  affectedCount: z.optional(z.int().check(z.minimum(0))),
  cause: z.optional(z.enum(CAUSE_IDS)),
  measures: z.optional(z.string()),
  unit: z.optional(z.string()),
  /** The Outlook mail reported from (its Message-ID, `<…@…>`): reports of one mail are grouped. */
  internetMessageId: z.optional(z.string()),
  /** The Teams message reported from: reports of one message are grouped. */
  sourceMessageId: z.optional(z.string()),
});
export type ReportRequest = z.infer<typeof reportRequest>;

const optionalText = z.optional(z.string());

/** Each change as a client sends it. */
export const changeRequests = {
  take: z.strictObject({}),
  awareness: z.strictObject({ awareAt: z.string(), reason: z.string() }),
  ended: z.strictObject({ endedAt: z.string() }),
  assessment: z.strictObject({
    risk: z.enum(RISK_LEVEL_IDS),
    rationale: z.string(),
    /** The breach types the DPO judged (replace the reported ones). */
    breachTypes: z.optional(z.array(z.enum(BREACH_TYPE_IDS))),
    severity: z.optional(z.strictObject({ dpc: z.number(), ei: z.number(), cb: z.number(), score: z.number() })),
  }),
  'imy-notice': z.strictObject({
    notifiedAt: z.string(),
    reference: optionalText,
    phased: z.optional(z.boolean()),
    delayReason: optionalText,
  }),
  'imy-supplement': z.strictObject({ sentAt: z.string() }),
  'subject-notice': z.strictObject({ notifiedAt: optionalText, method: optionalText, notInformedReason: optionalText }),
  'lex-sarah': z.strictObject({
    reportedAt: z.string(),
    reportedToIvo: z.optional(z.boolean()),
    ivoReportedAt: optionalText,
    ivoReference: optionalText,
  }),
  'police-report': z.strictObject({ reportedAt: z.string(), reference: optionalText }),
  'notice-details': z.strictObject({
    subjectCategories: z.optional(z.array(z.enum(SUBJECT_CATEGORY_IDS))),
    affectedCount: z.optional(z.number()),
    recordCount: z.optional(z.number()),
    consequences: z.optional(z.array(z.enum(CONSEQUENCE_IDS))),
    consequencesText: optionalText,
    measures: optionalText,
    plannedMeasures: optionalText,
    crossBorder: z.optional(z.boolean()),
  }),
  close: z.strictObject({}),
  'legal-hold': z.strictObject({ reason: z.enum(LEGAL_HOLD_REASON_IDS), reference: optionalText }),
  'lift-legal-hold': z.strictObject({}),
  /** Links the report to the main incident with this number (`PUI-2026-0042`). */
  link: z.strictObject({ mainNumber: z.string() }),
  unlink: z.strictObject({}),
} as const satisfies Record<ChangeAction, z.ZodMiniType>;

/** The body of each change, by route. */
export type ChangeBodies = { [A in ChangeAction]: z.infer<(typeof changeRequests)[A]> };

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

const person = z.object({ id: z.string(), name: z.string() });
const recorded = { recordedAt: z.string(), recordedBy: person };

/** An incident (POST /api/incidents, a change, and inside lists and details). */
export const incidentAnswer = z.object({
  id: z.string(),
  number: z.string(),
  reportId: z.string(),
  etag: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.enum(SOURCES),
  reporter: person,
  unit: z.optional(z.string()),
  discoveredAt: z.string(),
  occurredAt: z.optional(z.string()),
  endedAt: z.optional(z.string()),
  awareAt: z.string(),
  awareReason: z.optional(z.string()),
  deadline: z.string(),
  breachTypes: z.array(z.enum(BREACH_TYPE_IDS)),
  dataCategories: z.array(z.enum(DATA_CATEGORY_IDS)),
  affectedCount: z.optional(z.number()),
  measures: z.optional(z.string()),
  cause: z.optional(z.enum(CAUSE_IDS)),
  status: z.enum(STATUS_IDS),
  owner: z.optional(person),
  assessment: z.optional(
    z.object({ risk: z.enum(RISK_LEVEL_IDS), rationale: z.string(), assessedAt: z.string(), assessedBy: person }),
  ),
  imyNotice: z.optional(z.object({ phased: z.boolean(), ...recorded })),
  reportedToAuthority: z.nullable(z.boolean()),
  subjectNotice: z.optional(z.object(recorded)),
  lexSarah: z.optional(z.object({ reportedAt: z.string(), reportedToIvo: z.boolean(), ...recorded })),
  policeReport: z.optional(z.object({ reportedAt: z.string(), ...recorded })),
  noticeDetails: z.optional(
    z.object({
      subjectCategories: z.array(z.enum(SUBJECT_CATEGORY_IDS)),
      recordCount: z.optional(z.number()),
      consequences: z.array(z.enum(CONSEQUENCE_IDS)),
      consequencesText: z.optional(z.string()),
      plannedMeasures: z.optional(z.string()),
      crossBorder: z.nullable(z.boolean()),
      ...recorded,
    }),
  ),
  closedAt: z.optional(z.string()),
  closedBy: z.optional(person),
  legalHold: z.optional(
    z.object({
      since: z.string(),
      by: person,
      reason: z.enum(LEGAL_HOLD_REASON_IDS),
      reference: z.optional(z.string()),
    }),
  ),
  linkedTo: z.optional(z.object({ id: z.string(), number: z.string(), linkedAt: z.string(), linkedBy: person })),
  sourceMessageId: z.optional(z.string()),
  internetMessageId: z.optional(z.string()),
  nextReminderAt: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const auditEvent = z.object({
  id: z.string(),
  incidentId: z.string(),
  at: z.string(),
  actor: person,
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
});
const registerCheckId = z.enum(REGISTER_CHECKS.map((c) => c.id) as [RegisterCheckId, ...RegisterCheckId[]]);

/** GET /api/me. */
export const meAnswer = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(['reporter', 'dpo', 'admin'])),
  profile: z.enum(['local', 'entra']),
});

/** GET /api/incidents: a page, with the cursor of the next one. */
export const incidentPageAnswer = z.object({ items: z.array(incidentAnswer), next: z.optional(z.string()) });

/** GET /api/incidents/:idOrNumber. */
export const incidentDetailsAnswer = z.object({
  incident: incidentAnswer,
  events: z.array(auditEvent),
  duties: z.nullable(z.object({ notifyAuthority: z.boolean(), informDataSubjects: z.boolean() })),
  findings: z.array(registerCheckId),
  supplementDueAt: z.nullable(z.string()),
  /** The reports linked to this incident as their main (DPO only; a reporter gets none). */
  linkedReports: z.optional(
    z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.enum(STATUS_IDS) })),
  ),
  retention: z.optional(
    z.object({
      state: z.enum(['culled', 'open', 'held', 'kept', 'due']),
      culledAt: z.optional(z.string()),
      dueAt: z.optional(z.string()),
    }),
  ),
});

/** GET /api/register/report. */
export const registerReportAnswer = z.object({
  period: z.object({ from: z.nullable(z.string()), to: z.nullable(z.string()) }),
  total: z.number(),
  reportedToAuthority: z.number(),
  assessedUnlikelyRisk: z.number(),
  unassessed: z.number(),
  byCause: z.record(z.string(), z.number()),
  anomalies: z.object({
    occurredAfterDiscovered: z.number(),
    riskButNotReported: z.number(),
    reportedDespiteUnlikelyRisk: z.number(),
  }),
});

/** GET /api/register/findings: the incidents with something to put right in the register. */
export const findingsAnswer = z.array(
  z.object({
    incident: z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.enum(STATUS_IDS) }),
    findings: z.array(registerCheckId),
  }),
);

/** GET /api/incidents/{id}/access-log: who opened the incident, newest first (DPO only). */
export const accessLogAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      actorRole: z.enum(['dpo', 'reporter']),
      incidentId: z.nullable(z.string()),
      view: z.string(),
      target: z.nullable(z.string()),
    }),
  ),
  next: z.optional(z.string()),
});
export type AccessLogPage = z.infer<typeof accessLogAnswer>;

const dueItem = { number: z.string(), closedAt: z.string(), dueAt: z.string() };

/** A retention run (POST /api/retention/runs, and inside GET /api/retention). */
export const retentionRunAnswer = z.object({
  id: z.string(),
  phase: z.enum(['prepared', 'culling']),
  scope: z.enum(RETENTION_SCOPES),
  decision: z.string(),
  asOf: z.string(),
  preparedAt: z.string(),
  by: person,
  items: z.array(z.object({ id: z.string(), ...dueItem })),
  exported: z.array(z.enum(['xlsx', 'audit'])),
});

/** GET /api/retention: what the records plan says, what is due, and the run under way. */
export const retentionOverviewAnswer = z.object({
  policy: z.object({ kind: z.enum(['keep', 'cull']), decision: z.string() }),
  asOf: z.string(),
  due: z.array(z.object(dueItem)),
  run: z.nullable(retentionRunAnswer),
});

/** POST /api/retention/runs/:id/cull. */
export const retentionCullAnswer = z.object({
  runId: z.string(),
  culled: z.array(z.string()),
  skipped: z.array(z.string()),
});

/** GET /api/send-check/counts: the check on Send per month, oldest first (DPO only); numbers only. */
export const sendCheckCountsAnswer = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      fired: z.number(),
      changed: z.number(),
      sentAnyway: z.number(),
      sentAnywayAtMost: z.number(),
    }),
  ),
});

/** GET /api/incidents/{id}/notice: which document, and for the IMY text a notice about to be recorded. */
export interface NoticeQuery {
  kind: 'imy' | 'art34';
  /** `docx`: the letter as a Word document. */
  format?: 'text' | 'docx';
  /** The letter's language. */
  lang?: 'sv' | 'en';
  /** The IMY notice not yet recorded: when it is sent (ISO 8601) and whether it is phased. */
  notifiedAt?: string;
  phased?: boolean;
}

/** The address of a document of one incident (`?kind=…`); nothing but ids, a time and flags goes in it. */
export function noticePath(id: string, query: NoticeQuery): string {
  const params = new URLSearchParams({ kind: query.kind });
  if (query.format) params.set('format', query.format);
  if (query.lang) params.set('lang', query.lang);
  if (query.notifiedAt) params.set('notifiedAt', query.notifiedAt);
  if (query.phased !== undefined) params.set('phased', String(query.phased));
  return `/api/incidents/${encodeURIComponent(id)}/notice?${params.toString()}`;
}

/** The text of GET /api/incidents/{id}/notice (`text/plain`). */
export const noticeTextAnswer = z.string().check(z.maxLength(200_000));

/** The error body of every refusal: a stable code, a message in the caller's language, and field issues for bad input. */
export const errorAnswer = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ field: z.string(), code: z.string(), message: z.string() }))),
  }),
});
export type ErrorAnswer = z.infer<typeof errorAnswer>;

// The answers as the domain types them: the schemas check the shape a page relies on (a client
// keeps the answer as sent, with every field; parsing would strip those a schema does not name),
// the types below say the rest. `Fits` fails to compile if a domain type would not pass its schema.
type Fits<Schema extends z.ZodMiniType, T extends z.input<Schema>> = T;

export type Me = Fits<typeof meAnswer, { id: string; name: string; roles: Role[]; profile: 'local' | 'entra' }>;
export type IncidentAnswer = Fits<typeof incidentAnswer, Incident>;
export type IncidentPage = Fits<typeof incidentPageAnswer, { items: Incident[]; next?: string }>;
export type IncidentDetailsAnswer = Fits<typeof incidentDetailsAnswer, IncidentDetails>;
export type RegisterReportAnswer = Fits<typeof registerReportAnswer, RegisterReport>;
export type SendCheckCounts = Fits<typeof sendCheckCountsAnswer, { months: SendCheckMonth[] }>;
/** One row of GET /api/register/findings. */
export type FindingsRow = Fits<
  typeof findingsAnswer,
  { incident: Pick<Incident, 'id' | 'number' | 'title' | 'status'>; findings: RegisterCheckId[] }[]
>[number];

export type RetentionRunAnswer = Fits<typeof retentionRunAnswer, RetentionRun>;
export type RetentionOverview = Fits<
  typeof retentionOverviewAnswer,
  { policy: { kind: 'keep' | 'cull'; decision: string }; asOf: string; due: DueForCulling[]; run: RetentionRun | null }
>;
export type RetentionCullAnswer = Fits<typeof retentionCullAnswer, RetentionCullResult>;

export type { AuditEvent, Duties, Incident, IncidentDetails, RegisterCheckId, RegisterReport, SendCheckMonth };

// ---------------------------------------------------------------------------------------------
// Shape problems as field issues
// ---------------------------------------------------------------------------------------------

const EXPECTED: Record<string, [code: string, sv: string, en: string]> = {
  string: ['not_text', 'ska vara text', 'must be text'],
  array: ['not_a_list', 'ska vara en lista', 'must be a list'],
  boolean: ['not_boolean', 'ska vara ja eller nej (true/false)', 'must be true or false'],
  number: ['not_a_number', 'ska vara ett tal', 'must be a number'],
  object: ['not_an_object', 'ska vara ett JSON-objekt', 'must be a JSON object'],
};

/**
 * The issues of a body that does not fit its shape, one per field, with stable codes. Values are
 * never repeated back (a field can hold anything the sender typed).
 */
export function shapeIssues(error: z.core.$ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const i of error.issues) {
    const field = i.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const expected = i.code === 'invalid_type' ? EXPECTED[i.expected] : undefined;
    const name = field === '' ? 'Uppgifterna' : `Fältet "${field}"`;
    const nameEn = field === '' ? 'The input' : `The field "${field}"`;
    issues.push(
      expected
        ? issue(field, expected[0], `${name} ${expected[1]}.`, `${nameEn} ${expected[2]}.`)
        : issue(
            field,
            'invalid_value',
            `${name} har ett värde som inte passar API:et (docs/api.md).`,
            `${nameEn} has a value that does not fit the API (docs/api.md).`,
          ),
    );
  }
  return issues;
}
