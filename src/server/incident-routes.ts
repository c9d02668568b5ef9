/** JSON routes for the incident use cases: parse, call one use case, answer. */
import { Router, type Request } from 'express';
import {
  BREACH_TYPES,
  CAUSES,
  CONSEQUENCES,
  DATA_CATEGORIES,
  isOneOf,
  REGISTER_CHECKS,
  RISK_LEVELS,
  STATUSES,
  SUBJECT_CATEGORIES,
  type Caller,
} from '../domain';
import {
  changeIncident,
  getIncident,
  listAccessLog,
  listAllIncidents,
  listMyIncidents,
  art34LetterDocument,
  noticeText,
  NOTICE_FORMATS,
  NOTICE_KINDS,
  type NoticeFormat,
  type NoticeKind,
  reportIncident,
  type ChangeKind,
  type UseCaseDeps,
} from '../use-cases';
import { art34LetterDocx } from '../documents/art34-letter-docx';
import { DOCX_CONTENT_TYPE } from '../documents/docx-kit';
import { changeBodies, reportBody, type ChangeAction } from '../web/api-contract';
import { HttpProblem } from './error-response';
import { bodyOf, queryOf } from './request-contract';
import { sendAttachment } from './send-attachment';

/** `?format=` of a document: text (default) or, for the letter, docx. */
function noticeFormatOf(req: Request, kind: NoticeKind): NoticeFormat {
  const format = req.query.format ?? 'text';
  if (!isOneOf(NOTICE_FORMATS, format))
    throw new HttpProblem(
      400,
      'invalid_notice_format',
      'format ska vara text eller docx.',
      'format must be text or docx.',
    );
  if (format === 'docx' && kind !== 'art34')
    throw new HttpProblem(
      400,
      'invalid_notice_format',
      'IMY-texten finns bara som text (format=text); Word-dokumentet finns för brevet (kind=art34).',
      'The IMY text is only given as text (format=text); the Word document is for the letter (kind=art34).',
    );
  return format;
}

/** The caller, set by the auth middleware. */
export function callerOf(req: Request): Caller {
  return (req as Request & { caller: Caller }).caller;
}

/** The use case's change for each route of the contract. A Map, so `__proto__`, `constructor` or `toString` name nothing. */
const CHANGE_ROUTES: ReadonlyMap<string, { action: ChangeAction; kind: ChangeKind }> = new Map(
  (
    [
      ['take', 'take'],
      ['awareness', 'awareness'],
      ['ended', 'ended'],
      ['assessment', 'assess'],
      ['imy-notice', 'imy-notice'],
      ['imy-supplement', 'imy-supplement'],
      ['subject-notice', 'subject-notice'],
      ['lex-sarah', 'lex-sarah'],
      ['police-report', 'police-report'],
      ['notice-details', 'notice-details'],
      ['close', 'close'],
      ['legal-hold', 'legal-hold'],
      ['lift-legal-hold', 'lift-legal-hold'],
      ['link', 'link'],
      ['unlink', 'unlink'],
    ] as const satisfies readonly (readonly [ChangeAction, ChangeKind])[]
  ).map(([action, kind]) => [action, { action, kind }]),
);

/** The etag a change names: `If-Match: "abc"` or `If-Match: abc`. */
function ifMatch(req: Request): string | undefined {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export function incidentRoutes(deps: UseCaseDeps): Router {
  const router = Router();

  router.get('/vocabulary', (_req, res) => {
    res.json({
      causes: CAUSES,
      breachTypes: BREACH_TYPES,
      dataCategories: DATA_CATEGORIES,
      statuses: STATUSES,
      riskLevels: RISK_LEVELS,
      registerChecks: REGISTER_CHECKS,
      subjectCategories: SUBJECT_CATEGORIES,
      consequences: CONSEQUENCES,
    });
  });

  router.post('/incidents', async (req, res) => {
    const source = queryOf(req, 'source');
    const { incident, created } = await reportIncident(deps, callerOf(req), bodyOf(reportBody, req.body), source);
    res
      .status(created ? 201 : 200)
      .setHeader('ETag', `"${incident.etag}"`)
      .location(`/api/incidents/${incident.id}`)
      .json(incident);
  });

  router.get('/incidents', async (req, res) => {
    const scope = queryOf(req, 'scope');
    const openOnly = queryOf(req, 'open');
    const options = { limit: queryOf(req, 'limit'), cursor: queryOf(req, 'cursor') };
    const page =
      scope === 'mine'
        ? await listMyIncidents(deps, callerOf(req), options)
        : await listAllIncidents(deps, callerOf(req), { ...options, openOnly });
    res.json(page);
  });

  router.get('/incidents/:id', async (req, res) => {
    const details = await getIncident(deps, callerOf(req), String(req.params.id));
    res.setHeader('ETag', `"${details.incident.etag}"`).json(details);
  });

  // The IMY text (to copy into IMY's e-service) or the letter to the data subjects: text, or the
  // letter as Word. Never cached: it is the DPO's working copy.
  router.get('/incidents/:id/notice', async (req, res) => {
    const kind = req.query.kind ?? 'imy';
    if (!isOneOf(NOTICE_KINDS, kind))
      throw new HttpProblem(
        400,
        'invalid_notice_kind',
        'kind ska vara imy (anmälan till IMY) eller art34 (brevet till de registrerade).',
        'kind must be imy (the IMY notice) or art34 (the letter to the data subjects).',
      );
    const format = noticeFormatOf(req, kind);
    const lang = queryOf(req, 'lang');
    const caller = callerOf(req);
    const id = String(req.params.id);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'docx') {
      const { number, blocks } = await art34LetterDocument(deps, caller, id, lang);
      const file = await art34LetterDocx(blocks, lang);
      sendAttachment(res, DOCX_CONTENT_TYPE, `${number}-art34-${lang}.docx`, Buffer.from(file));
      return;
    }
    const draft = { notifiedAt: queryOf(req, 'notifiedAt'), phased: queryOf(req, 'phased') };
    const { text } = await noticeText(deps, caller, id, kind, { lang, draft });
    res.status(200).type('text/plain; charset=utf-8').send(text);
  });

  router.get('/incidents/:id/access-log', async (req, res) => {
    const page = await listAccessLog(deps, callerOf(req), String(req.params.id), {
      limit: queryOf(req, 'limit'),
      cursor: queryOf(req, 'cursor'),
    });
    res.setHeader('Cache-Control', 'no-store').json(page);
  });

  router.post('/incidents/:id/:action', async (req, res) => {
    const route = CHANGE_ROUTES.get(String(req.params.action));
    if (!route) {
      throw new HttpProblem(404, 'not_found', 'Åtgärden finns inte.', 'There is no such action.');
    }
    const body = bodyOf(changeBodies[route.action], req.body ?? {});
    const incident = await changeIncident(deps, callerOf(req), route.kind, String(req.params.id), body, ifMatch(req));
    res.setHeader('ETag', `"${incident.etag}"`).json(incident);
  });

  return router;
}
