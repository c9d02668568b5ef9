/**
 * What people do to an incident, as pure functions: each validates its input, checks the
 * incident's state and returns the next incident with the audit event that records it.
 */
import { noticeDeadline, isLate } from './deadline';
import { issue, InvalidState, ValidationError } from './errors';
import type { Assessment, Incident, NewAuditEvent, NewIncident } from './incident';
import { SYSTEM_ACTOR, type Person } from './person';
import { nextReminderAfterChange, nextReminderAt, supplementDueAt, type DueReminder } from './reminders';
import { CONSEQUENCE_IDS, SUBJECT_CATEGORY_IDS } from './notice-details';
import { asObject, FieldReader, LIMITS, readList, REPORT_MESSAGES, type ReportInput } from './report-input';
import { BREACH_TYPE_IDS, isOneOf, RISK_LEVEL_IDS, type BreachType, type RiskLevel, type Source } from './vocabulary';

/** The result of a change: the incident as it should be stored and the event to append. */
export interface Change {
  next: Incident;
  event: NewAuditEvent;
}

/** Builds a new incident from a validated report. */
export function newIncident(
  input: ReportInput,
  reporter: Person,
  source: Source,
  reportId: string,
  now: Date,
): NewIncident {
  const at = now.toISOString();
  const awareAt = input.discoveredAt;
  const draft: NewIncident = {
    reportId,
    title: input.title,
    description: input.description,
    source,
    reporter,
    unit: input.unit,
    ...(input.sourceMessageId ? { sourceMessageId: input.sourceMessageId } : {}),
    ...(input.internetMessageId ? { internetMessageId: input.internetMessageId } : {}),
    discoveredAt: input.discoveredAt,
    occurredAt: input.occurredAt,
    awareAt,
    deadline: noticeDeadline(awareAt),
    breachTypes: input.breachTypes,
    dataCategories: input.dataCategories,
    affectedCount: input.affectedCount,
    measures: input.measures,
    cause: input.cause,
    status: 'new',
    reportedToAuthority: null,
    nextReminderAt: null,
    createdAt: at,
    updatedAt: at,
  };
  draft.nextReminderAt = nextReminderAt(draft, now);
  return draft;
}

function ensureOpen(incident: Incident): void {
  if (incident.status === 'closed') {
    throw new InvalidState(
      `${incident.number} är avslutad och kan inte ändras.`,
      `${incident.number} is closed and cannot be changed.`,
    );
  }
}

function finish(incident: Incident, patch: Partial<Incident>, event: Omit<NewAuditEvent, 'at'>, now: Date): Change {
  const next: Incident = { ...incident, ...patch, updatedAt: now.toISOString() };
  next.nextReminderAt = nextReminderAfterChange(incident, next, now);
  return { next, event: { ...event, at: now.toISOString() } };
}

/** The DPO takes the incident: they own it, and triage starts. */
export function takeOwnership(incident: Incident, by: Person, now: Date): Change {
  ensureOpen(incident);
  const status = incident.status === 'new' ? 'triage' : incident.status;
  return finish(incident, { owner: by, status }, { actor: by, type: 'owner-taken', data: { owner: by.name } }, now);
}

/**
 * The breach types the DPO judged in the assessment, when given: each a known type, none twice.
 * @remarks The reporter's guess is replaced by the DPO's judgement (the IMY text and the register
 * read `breachTypes`); an empty list says none was found.
 */
function assessedBreachTypes(r: FieldReader): BreachType[] | undefined {
  const value = r.raw.breachTypes;
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((v) => isOneOf(BREACH_TYPE_IDS, v)) ||
    new Set(value).size !== value.length
  ) {
    r.fail(
      'breachTypes',
      'unknown_breach_type',
      'Typ av incident ska vara en lista med confidentiality, integrity och availability, var och en högst en gång.',
      'Breach types must be a list of confidentiality, integrity and availability, each at most once.',
    );
    return undefined;
  }
  return BREACH_TYPE_IDS.filter((t) => value.includes(t));
}

/**
 * The DPO assesses the risk, with a rationale and, optionally, the breach types judged. "Unlikely"
 * stops the clock: notice not required.
 */
export function assessRisk(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['risk', 'rationale', 'severity', 'breachTypes']));
  const risk = r.raw.risk;
  if (!isOneOf(RISK_LEVEL_IDS, risk)) {
    r.fail(
      'risk',
      'unknown_risk',
      'Välj en riskbedömning: unlikely (osannolik risk), risk eller high (hög risk).',
      'Choose a risk level: unlikely, risk or high.',
    );
  }
  const rationale = r.text('rationale', ['Motivering', 'Rationale'], LIMITS.rationale, true);
  let severity: Assessment['severity'];
  if (r.raw.severity !== undefined && r.raw.severity !== null) {
    const s = r.raw.severity as Record<string, unknown>;
    const ok =
      typeof s === 'object' &&
      ['dpc', 'ei', 'cb', 'score'].every((k) => typeof s[k] === 'number' && Number.isFinite(s[k]));
    if (!ok)
      r.fail(
        'severity',
        'invalid_severity',
        'Allvarlighetsgraden ska ha talen dpc, ei, cb och score.',
        'Severity must hold the numbers dpc, ei, cb and score.',
      );
    else severity = { dpc: s.dpc as number, ei: s.ei as number, cb: s.cb as number, score: s.score as number };
  }
  const breachTypes = assessedBreachTypes(r);
  r.done();
  const level = risk as RiskLevel;
  const assessment: Assessment = {
    risk: level,
    rationale: rationale!,
    assessedAt: now.toISOString(),
    assessedBy: by,
    severity,
  };
  const patch: Partial<Incident> = { assessment, ...(breachTypes ? { breachTypes } : {}) };
  if (!incident.imyNotice) {
    patch.status = level === 'unlikely' ? 'not-required' : 'assessed';
    patch.reportedToAuthority = level === 'unlikely' ? false : null;
  }
  const data = { risk: level, ...(breachTypes ? { breachTypes: breachTypes.join(',') } : {}) };
  return finish(incident, patch, { actor: by, type: 'assessed', data }, now);
}

/** Records the notice to IMY; a late notice must give reasons for the delay (art. 33(1)). */
export function recordImyNotice(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['notifiedAt', 'reference', 'phased', 'delayReason']));
  const label: [string, string] = ['Tidpunkt för anmälan till IMY', 'Time of the notice to IMY'];
  let notifiedAt = r.notInFuture('notifiedAt', r.instant('notifiedAt', label, true), label, now);
  if (notifiedAt && Date.parse(notifiedAt) < Date.parse(incident.discoveredAt)) {
    notifiedAt = r.fail(
      'notifiedAt',
      'before_discovery',
      'Anmälan till IMY kan inte ha gjorts innan incidenten upptäcktes.',
      'The notice to IMY cannot predate the discovery.',
    );
  }
  const reference = r.text('reference', ['IMY:s diarienummer', "IMY's reference"], LIMITS.reference, false, {
    singleLine: true,
  });
  const phased = r.boolean('phased', ['Anmälan i etapper', 'Phased notice'], false) ?? false;
  const delayReason = r.text('delayReason', ['Skäl till förseningen', 'Reason for the delay'], LIMITS.rationale, false);
  if (notifiedAt && isLate(incident.awareAt, notifiedAt) && !delayReason) {
    r.fail(
      'delayReason',
      'delay_reason_required',
      'Anmälan gjordes senare än 72 timmar efter att ni fick kännedom om incidenten. Ange skälen till förseningen (artikel 33.1 i dataskyddsförordningen).',
      'The notice was made later than 72 hours after becoming aware. Give the reasons for the delay (GDPR art. 33(1)).',
    );
  }
  r.done();
  return finish(
    incident,
    {
      imyNotice: { notifiedAt, reference, phased, delayReason, recordedAt: now.toISOString(), recordedBy: by },
      reportedToAuthority: true,
      status: 'notified',
    },
    {
      actor: by,
      type: 'imy-notified',
      data: { reference: reference ?? null, phased, late: isLate(incident.awareAt, notifiedAt!) },
    },
    now,
  );
}

/** Records whether and how the data subjects were informed (art. 34). */
export function recordSubjectNotice(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['notifiedAt', 'method', 'notInformedReason']));
  const label: [string, string] = ['Tidpunkt då de registrerade informerades', 'Time the data subjects were informed'];
  const notifiedAt = r.notInFuture('notifiedAt', r.instant('notifiedAt', label, false), label, now);
  const method = r.text('method', ['Hur de informerades', 'How they were informed'], LIMITS.reference * 5, false, {
    singleLine: true,
  });
  const notInformedReason = r.text(
    'notInformedReason',
    ['Skäl att inte informera', 'Reason for not informing'],
    LIMITS.rationale,
    false,
  );
  if (!notifiedAt && !notInformedReason && r.issues.length === 0) {
    r.fail(
      'notifiedAt',
      'notice_or_reason_required',
      'Ange när de registrerade informerades, eller skälet till att de inte informeras (artikel 34.3).',
      'Give when the data subjects were informed, or why they are not (art. 34(3)).',
    );
  }
  r.done();
  return finish(
    incident,
    { subjectNotice: { notifiedAt, method, notInformedReason, recordedAt: now.toISOString(), recordedBy: by } },
    { actor: by, type: 'subjects-notice-recorded', data: { informed: Boolean(notifiedAt) } },
    now,
  );
}

/** Records the lex Sarah track: internal report and, when serious, the report to IVO. */
export function recordLexSarah(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['reportedAt', 'reportedToIvo', 'ivoReportedAt', 'ivoReference']));
  const label: [string, string] = ['Tidpunkt för lex Sarah-rapporten', 'Time of the lex Sarah report'];
  const reportedAt = r.notInFuture('reportedAt', r.instant('reportedAt', label, true), label, now);
  const reportedToIvo = r.boolean('reportedToIvo', ['Anmäld till IVO', 'Reported to IVO'], false) ?? false;
  const ivoLabel: [string, string] = ['Tidpunkt för anmälan till IVO', 'Time of the report to IVO'];
  const ivoReportedAt = r.notInFuture(
    'ivoReportedAt',
    r.instant('ivoReportedAt', ivoLabel, reportedToIvo),
    ivoLabel,
    now,
  );
  const ivoReference = r.text('ivoReference', ['IVO:s diarienummer', "IVO's reference"], LIMITS.reference, false, {
    singleLine: true,
  });
  r.done();
  return finish(
    incident,
    {
      lexSarah: {
        reportedAt: reportedAt!,
        reportedToIvo,
        ivoReportedAt,
        ivoReference,
        recordedAt: now.toISOString(),
        recordedBy: by,
      },
    },
    { actor: by, type: 'lex-sarah-recorded', data: { reportedToIvo } },
    now,
  );
}

/**
 * Records a later time of becoming aware, with the reason: the 72-hour clock runs from it, so
 * the deadline and the reminders follow.
 * @remarks EDPB Guidelines 9/2022: the controller is aware once reasonably certain that personal
 * data was compromised; until the DPO says otherwise that is the discovery. Refused once IMY is
 * notified: the notice was made, and judged late or not, against the clock as it stood. The
 * reason may hold personal data, so the event carries only the times (as `assessed` carries the
 * level, not the rationale).
 */
export function recordAwareness(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  if (incident.imyNotice) {
    throw new InvalidState(
      `${incident.number} är redan anmäld till IMY, så tidpunkten för kännedom kan inte längre ändras.`,
      `${incident.number} is already notified to IMY, so the time of awareness can no longer be changed.`,
    );
  }
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['awareAt', 'reason']));
  const label: [string, string] = ['Tidpunkt för kännedom', 'Time of awareness'];
  let awareAt = r.notInFuture('awareAt', r.instant('awareAt', label, true), label, now);
  if (awareAt && Date.parse(awareAt) < Date.parse(incident.discoveredAt)) {
    awareAt = r.fail(
      'awareAt',
      'before_discovery',
      'Ni kan inte ha fått kännedom om incidenten innan den upptäcktes. Ange en tidpunkt från och med upptäckten.',
      'You cannot have become aware of the breach before it was discovered. Give a time at or after the discovery.',
    );
  }
  const reason = r.text(
    'reason',
    ['Skäl för tidpunkten för kännedom', 'Reason for the time of awareness'],
    LIMITS.rationale,
    true,
  );
  r.done();
  const deadline = noticeDeadline(awareAt!);
  return finish(
    incident,
    { awareAt, awareReason: reason, deadline },
    { actor: by, type: 'awareness-recorded', data: { previousAwareAt: incident.awareAt, awareAt: awareAt!, deadline } },
    now,
  );
}

/** Records when the breach ended (IMY's e-service asks); a later record replaces an earlier one. */
export function recordEnded(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['endedAt']));
  const label: [string, string] = ['Tidpunkt när incidenten upphörde', 'Time the breach ended'];
  let endedAt = r.notInFuture('endedAt', r.instant('endedAt', label, true), label, now);
  // Not bounded by the discovery: a breach often ends before anyone notices it (an intrusion found in the logs).
  if (endedAt && incident.occurredAt && Date.parse(endedAt) < Date.parse(incident.occurredAt)) {
    endedAt = r.fail(
      'endedAt',
      'ended_before_occurred',
      'Incidenten kan inte ha upphört innan den inträffade. Kontrollera datum och klockslag.',
      'The breach cannot have ended before it occurred. Check the dates and times.',
    );
  }
  r.done();
  return finish(incident, { endedAt }, { actor: by, type: 'ended-recorded', data: { endedAt: endedAt! } }, now);
}

/** Records the report to the police; like lex Sarah, a later record replaces an earlier one (the trail keeps both). */
export function recordPoliceReport(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['reportedAt', 'reference']));
  const label: [string, string] = ['Tidpunkt för polisanmälan', 'Time of the police report'];
  const reportedAt = r.notInFuture('reportedAt', r.instant('reportedAt', label, true), label, now);
  const reference = r.text('reference', ['Polisens diarienummer', "The police's reference"], LIMITS.reference, false, {
    singleLine: true,
  });
  r.done();
  return finish(
    incident,
    { policeReport: { reportedAt: reportedAt!, reference, recordedAt: now.toISOString(), recordedBy: by } },
    { actor: by, type: 'police-report-recorded', data: { reference: reference ?? null } },
    now,
  );
}

/** Reads an optional whole number from 0 to `max`; a bad one is reported with `code`. */
function count(
  r: FieldReader,
  field: string,
  code: string,
  max: number,
  message: [string, string],
): number | undefined {
  const v = r.raw[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
    return r.fail(field, code, message[0], message[1]);
  return v;
}

/** Records the most records one notice counts: well above any register a municipality keeps. */
export const MAX_RECORD_COUNT = 100_000_000;

/**
 * Records the notice's answers beyond the report (art. 33(3), IMY's e-service): groups of data
 * subjects, the approximate numbers of people and records, likely consequences, measures taken
 * and planned, cross-border. Each record replaces the one before; the trail keeps every one.
 * @remarks Allowed after the notice too: a phased notice is supplemented with exactly these. The
 * event carries counts and ids only, never the free texts.
 */
export function recordNoticeDetails(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(
    new Set([
      'subjectCategories',
      'affectedCount',
      'recordCount',
      'consequences',
      'consequencesText',
      'measures',
      'plannedMeasures',
      'crossBorder',
    ]),
  );
  const subjectCategories = readList(r, 'subjectCategories', SUBJECT_CATEGORY_IDS, [
    'Grupper av registrerade',
    'Groups of data subjects',
  ]);
  const affectedCount = count(r, 'affectedCount', 'invalid_count', LIMITS.affectedCount, [
    REPORT_MESSAGES.countInvalid.sv,
    REPORT_MESSAGES.countInvalid.en,
  ]);
  const recordCount = count(r, 'recordCount', 'invalid_record_count', MAX_RECORD_COUNT, [
    'Ange ungefärligt antal personuppgiftsposter som ett heltal från 0 till 100 000 000, till exempel 40. Lämna fältet tomt om ni inte vet.',
    'Give the approximate number of personal data records as a whole number from 0 to 100,000,000, for example 40. Leave it empty if you do not know.',
  ]);
  const consequences = readList(r, 'consequences', CONSEQUENCE_IDS, ['Troliga konsekvenser', 'Likely consequences']);
  const consequencesText = r.text(
    'consequencesText',
    ['Konsekvenserna med egna ord', 'The consequences in words'],
    LIMITS.rationale,
    false,
  );
  const measures = r.text('measures', ['Vidtagna åtgärder', 'Measures taken'], LIMITS.measures, false);
  const plannedMeasures = r.text('plannedMeasures', ['Planerade åtgärder', 'Measures planned'], LIMITS.measures, false);
  let crossBorder: boolean | null = null;
  if (r.raw.crossBorder !== undefined && r.raw.crossBorder !== null) {
    crossBorder = r.boolean('crossBorder', ['Gränsöverskridande', 'Cross-border'], false) ?? null;
  }
  r.done();
  const patch: Partial<Incident> = {
    noticeDetails: {
      subjectCategories,
      recordCount,
      consequences,
      consequencesText,
      plannedMeasures,
      crossBorder,
      recordedAt: now.toISOString(),
      recordedBy: by,
    },
  };
  if (affectedCount !== undefined) patch.affectedCount = affectedCount;
  if (measures !== undefined) patch.measures = measures;
  return finish(
    incident,
    patch,
    {
      actor: by,
      type: 'notice-details-recorded',
      data: {
        subjectCategories: subjectCategories.join(','),
        affectedCount: affectedCount ?? incident.affectedCount ?? null,
        recordCount: recordCount ?? null,
        consequences: consequences.join(','),
        crossBorder,
      },
    },
    now,
  );
}

/**
 * Records that the supplement to a phased notice was sent to IMY (art. 33(4)): nothing more is
 * owed, and the supplement reminders stop.
 */
export function recordImySupplement(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const notice = incident.imyNotice;
  if (!notice?.phased) {
    throw new InvalidState(
      `${incident.number} har ingen anmälan till IMY i etapper, så det finns ingen komplettering att registrera.`,
      `${incident.number} has no phased notice to IMY, so there is no supplement to record.`,
    );
  }
  if (notice.supplementedAt) {
    throw new InvalidState(
      `Kompletteringen av ${incident.number} är redan registrerad.`,
      `The supplement of ${incident.number} is already recorded.`,
    );
  }
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['sentAt']));
  const label: [string, string] = ['Tidpunkt för kompletteringen till IMY', 'Time the supplement was sent to IMY'];
  let sentAt = r.notInFuture('sentAt', r.instant('sentAt', label, true), label, now);
  if (sentAt && notice.notifiedAt && Date.parse(sentAt) < Date.parse(notice.notifiedAt)) {
    sentAt = r.fail(
      'sentAt',
      'before_notice',
      'Kompletteringen kan inte ha skickats före anmälan till IMY.',
      'The supplement cannot predate the notice to IMY.',
    );
  }
  r.done();
  const due = supplementDueAt(incident);
  return finish(
    incident,
    { imyNotice: { ...notice, supplementedAt: sentAt } },
    {
      actor: by,
      type: 'imy-supplement-recorded',
      data: { late: due !== null && Date.parse(sentAt!) > Date.parse(due) },
    },
    now,
  );
}

/**
 * The scheduler sent a reminder: the incident's next reminder moves on. Nothing else changes
 * (not even `updatedAt`: no person changed the incident); the audit trail records it.
 */
export function recordReminderSent(incident: Incident, reminder: DueReminder, now: Date): Change {
  return {
    next: { ...incident, nextReminderAt: nextReminderAt(incident, now) },
    event: {
      at: now.toISOString(),
      actor: SYSTEM_ACTOR,
      type: 'reminder-sent',
      data: { stage: reminder.stage, slot: reminder.slot, mention: reminder.mention, catchUp: reminder.catchUp },
    },
  };
}

/**
 * A reminder fell due that no schedule explains any longer (the incident was edited outside the
 * app): nothing is sent, and the next reminder is set from the incident as it is.
 */
export function rescheduleReminder(incident: Incident, slot: string, now: Date): Change {
  const next = nextReminderAt(incident, now);
  return {
    next: { ...incident, nextReminderAt: next },
    event: { at: now.toISOString(), actor: SYSTEM_ACTOR, type: 'reminder-rescheduled', data: { slot, next } },
  };
}

/**
 * Closes the incident. It must be assessed, and where the assessment demands a notice to IMY,
 * the notice must be recorded first; a report linked to a main incident needs neither (the
 * register's "reported" stays unanswered on it unless it has a notice of its own).
 */
export function closeIncident(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureOpen(incident);
  const r = new FieldReader(asObject(raw ?? {}));
  r.rejectUnknown(new Set([]));
  r.done();
  // A linked report is handled through its main: the main's assessment and notice cover it.
  if (incident.linkedTo) {
    return finish(
      incident,
      {
        status: 'closed',
        closedAt: now.toISOString(),
        closedBy: by,
        reportedToAuthority: incident.imyNotice ? true : null,
      },
      { actor: by, type: 'closed', data: { linkedTo: incident.linkedTo.number } },
      now,
    );
  }
  if (!incident.assessment) {
    throw new InvalidState(
      `${incident.number} kan inte avslutas innan risken är bedömd.`,
      `${incident.number} cannot be closed before the risk is assessed.`,
    );
  }
  if (incident.assessment.risk !== 'unlikely' && !incident.imyNotice) {
    throw new InvalidState(
      `${incident.number} kan inte avslutas: risken är bedömd som "${incident.assessment.risk === 'high' ? 'hög' : 'risk'}" men anmälan till IMY är inte registrerad.`,
      `${incident.number} cannot be closed: the risk is assessed as "${incident.assessment.risk}" but no notice to IMY is recorded.`,
    );
  }
  return finish(
    incident,
    {
      status: 'closed',
      closedAt: now.toISOString(),
      closedBy: by,
      reportedToAuthority: incident.imyNotice ? true : false,
    },
    { actor: by, type: 'closed', data: {} },
    now,
  );
}

/** A ValidationError for a single field, for edges that check their own parameters. */
export function fieldError(field: string, code: string, sv: string, en: string): ValidationError {
  return new ValidationError([issue(field, code, sv, en)]);
}
