/**
 * The DPO's retention run over HTTP (src/use-cases/retention.ts): what is due, a run prepared, its
 * two exports as downloads, and the cull once the DPO has confirmed the count.
 *
 *   GET  /api/retention[?asOf=YYYY-MM-DD]        the plan, what is due, the run under way
 *   POST /api/retention/runs { asOf? }           lists what is due into a run (or answers the unfinished one)
 *   GET  /api/retention/runs/:id/export?kind=xlsx|audit   the register rows / the audit trail
 *   POST /api/retention/runs/:id/cull { confirm } culls, once both exports were taken
 */
import { Router, type Request } from 'express';
import { issue, retentionAsOf, retentionDecision, ValidationError, type RetentionPolicy } from '../domain';
import { stockholmDate } from '../domain/stockholm-time';
import { registerXlsx } from '../register-files';
import {
  cullRetentionRun,
  getRetentionRun,
  listDueForCulling,
  prepareRetentionRun,
  retentionAuditExport,
  retentionRegisterExport,
  type UseCaseDeps,
} from '../use-cases';
import { retentionCullBody, retentionRunBody } from '../web/api-contract';
import { callerOf } from './incident-routes';
import { bodyOf, queryOf } from './request-contract';
import { sendAttachment, XLSX_CONTENT_TYPE } from './send-attachment';

function asOfOf(text: string | null | undefined, now: Date): Date {
  if (text === undefined || text === null || text === '') return now;
  const asOf = retentionAsOf(text);
  if (!asOf)
    throw new ValidationError([
      issue(
        'asOf',
        'invalid_date',
        'Datumet ska vara ÅÅÅÅ-MM-DD, till exempel 2031-12-31.',
        'The date must be YYYY-MM-DD, e.g. 2031-12-31.',
      ),
    ]);
  return asOf;
}

const runIdOf = (req: Request) => String(req.params.id);

export function retentionRoutes(deps: UseCaseDeps, policy: RetentionPolicy): Router {
  const router = Router();

  router.get('/retention', async (req, res) => {
    const caller = callerOf(req);
    const asOf = asOfOf(queryOf(req, 'asOf'), deps.clock.now());
    const due = await listDueForCulling(deps, caller, policy, asOf);
    const run = (await getRetentionRun(deps, caller)) ?? null;
    res.setHeader('Cache-Control', 'no-store').json({
      policy: { kind: policy.kind, decision: retentionDecision(policy) },
      asOf: asOf.toISOString(),
      due,
      run,
    });
  });

  router.post('/retention/runs', async (req, res) => {
    const body = bodyOf(retentionRunBody, req.body ?? {});
    const run = await prepareRetentionRun(deps, callerOf(req), policy, asOfOf(body.asOf, deps.clock.now()));
    res.status(run ? 201 : 200).json({ run: run ?? null });
  });

  router.get('/retention/runs/:id/export', async (req, res) => {
    const kind = queryOf(req, 'kind');
    const caller = callerOf(req);
    const runId = runIdOf(req);
    const name = `pui-gallring-${stockholmDate(deps.clock.now())}-${runId.slice(0, 8)}`;
    const [body, type, filename] =
      kind === 'xlsx'
        ? [await registerXlsx(await retentionRegisterExport(deps, caller, runId)), XLSX_CONTENT_TYPE, `${name}.xlsx`]
        : [
            Buffer.from(`${JSON.stringify(await retentionAuditExport(deps, caller, runId), null, 2)}\n`),
            'application/json; charset=utf-8',
            `${name}-handelser.json`,
          ];
    sendAttachment(res, type, filename, body);
  });

  router.post('/retention/runs/:id/cull', async (req, res) => {
    const body = bodyOf(retentionCullBody, req.body ?? {});
    if (typeof body.confirm !== 'number')
      throw new ValidationError([
        issue(
          'confirm',
          'required',
          'Bekräfta gallringen genom att ange antalet incidenter som gallras.',
          'Confirm the cull by giving the number of incidents to be culled.',
        ),
      ]);
    res.json(await cullRetentionRun(deps, callerOf(req), runIdOf(req), body.confirm));
  });

  return router;
}
