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
  noticeText,
  NOTICE_KINDS,
  reportIncident,
  type ChangeKind,
  type UseCaseDeps,
} from '../use-cases';
import { changeBodies, reportBody, type ChangeAction } from '../web/api-contract';
import { HttpProblem } from './error-response';
import { bodyOf, queryOf } from './request-contract';

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

  // The text to copy into IMY's e-service. Plain text, never cached: it is the DPO's working copy.
  router.get('/incidents/:id/notice', async (req, res) => {
    const kind = req.query.kind ?? 'imy';
    if (!isOneOf(NOTICE_KINDS, kind)) {
      throw new HttpProblem(400, 'invalid_notice_kind', 'kind ska vara imy.', 'kind must be imy.');
    }
    const { text } = await noticeText(deps, callerOf(req), String(req.params.id), kind);
    res.status(200).setHeader('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(text);
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
