/** JSON routes for the incident use cases: parse, call one use case, answer. */
import { Router, type Request } from 'express';
import { BREACH_TYPES, CAUSES, DATA_CATEGORIES, isOneOf, REGISTER_CHECKS, RISK_LEVELS, STATUSES, type Caller, type Source } from '../domain';
import { changeIncident, getIncident, listAllIncidents, listMyIncidents, reportIncident, type ChangeKind, type UseCaseDeps } from '../use-cases';
import { HttpProblem } from './error-response';

/** The caller, set by the auth middleware. */
export function callerOf(req: Request): Caller {
  return (req as Request & { caller: Caller }).caller;
}

const API_SOURCES = ['tab', 'outlook', 'api'] as const satisfies readonly Source[];
/** The path segment of each change. A Map, so `__proto__`, `constructor` or `toString` name nothing. */
const CHANGE_ROUTES: ReadonlyMap<string, ChangeKind> = new Map([
  ['take', 'take'],
  ['awareness', 'awareness'],
  ['ended', 'ended'],
  ['assessment', 'assess'],
  ['imy-notice', 'imy-notice'],
  ['imy-supplement', 'imy-supplement'],
  ['subject-notice', 'subject-notice'],
  ['lex-sarah', 'lex-sarah'],
  ['police-report', 'police-report'],
  ['close', 'close'],
]);

function listOptions(req: Request): { limit?: number; cursor?: string } {
  const { limit, cursor } = req.query;
  let parsedLimit: number | undefined;
  if (limit !== undefined) {
    parsedLimit = Number(limit);
    if (!Number.isInteger(parsedLimit) || parsedLimit < 1 || parsedLimit > 500) {
      throw new HttpProblem(400, 'invalid_limit', 'limit ska vara ett heltal från 1 till 500.', 'limit must be a whole number from 1 to 500.');
    }
  }
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 500)) {
    throw new HttpProblem(400, 'invalid_cursor', 'cursor är ogiltig; börja om från första sidan.', 'Invalid cursor; start again from the first page.');
  }
  return { limit: parsedLimit, cursor: cursor as string | undefined };
}

/** The etag a change names: `If-Match: "abc"` or `If-Match: abc`. */
function ifMatch(req: Request): string | undefined {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export function incidentRoutes(deps: UseCaseDeps): Router {
  const router = Router();

  router.get('/vocabulary', (_req, res) => {
    res.json({ causes: CAUSES, breachTypes: BREACH_TYPES, dataCategories: DATA_CATEGORIES, statuses: STATUSES, riskLevels: RISK_LEVELS, registerChecks: REGISTER_CHECKS });
  });

  router.post('/incidents', async (req, res) => {
    const source = req.query.source ?? 'api';
    if (!isOneOf(API_SOURCES, source)) {
      throw new HttpProblem(400, 'invalid_source', 'source ska vara tab, outlook eller api.', 'source must be tab, outlook or api.');
    }
    const { incident, created } = await reportIncident(deps, callerOf(req), req.body, source);
    res.status(created ? 201 : 200).setHeader('ETag', `"${incident.etag}"`).location(`/api/incidents/${incident.id}`).json(incident);
  });

  router.get('/incidents', async (req, res) => {
    const scope = req.query.scope ?? 'mine';
    const open = req.query.open;
    if (scope !== 'mine' && scope !== 'all') {
      throw new HttpProblem(400, 'invalid_scope', 'scope ska vara mine eller all.', 'scope must be mine or all.');
    }
    if (open !== undefined && open !== 'true' && open !== 'false') {
      throw new HttpProblem(400, 'invalid_open', 'open ska vara true eller false.', 'open must be true or false.');
    }
    const options = listOptions(req);
    const page = scope === 'mine'
      ? await listMyIncidents(deps, callerOf(req), options)
      : await listAllIncidents(deps, callerOf(req), { ...options, openOnly: open === 'true' });
    res.json(page);
  });

  router.get('/incidents/:id', async (req, res) => {
    const details = await getIncident(deps, callerOf(req), String(req.params.id));
    res.setHeader('ETag', `"${details.incident.etag}"`).json(details);
  });

  router.post('/incidents/:id/:action', async (req, res) => {
    const kind = CHANGE_ROUTES.get(String(req.params.action));
    if (!kind) {
      throw new HttpProblem(404, 'not_found', 'Åtgärden finns inte.', 'There is no such action.');
    }
    const incident = await changeIncident(deps, callerOf(req), kind, String(req.params.id), req.body ?? {}, ifMatch(req));
    res.setHeader('ETag', `"${incident.etag}"`).json(incident);
  });

  return router;
}
