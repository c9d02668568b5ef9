/** JSON and file routes for the register: the committee summary, the findings to-do list, the export. */
import { Router } from 'express';
import { Forbidden, isDpo, registerFindings } from '../domain';
import { registerCsv, registerXlsx } from '../register-files';
import { exportRegister, loadRegister, summariseRegister, type UseCaseDeps } from '../use-cases';
import { callerOf } from './incident-routes';
import { queryOf } from './request-contract';

export function registerRoutes(deps: UseCaseDeps): Router {
  const router = Router();

  router.get('/register/report', async (req, res) => {
    const period = { from: queryOf(req, 'from'), to: queryOf(req, 'to') };
    const { report } = await summariseRegister(deps, callerOf(req), period);
    res.json(report);
  });

  router.get('/register/findings', async (req, res) => {
    if (!isDpo(callerOf(req))) throw new Forbidden();
    const incidents = await loadRegister(deps.store);
    res.json(
      incidents
        .map((incident) => ({
          incident: { id: incident.id, number: incident.number, title: incident.title, status: incident.status },
          findings: registerFindings(incident),
        }))
        .filter((row) => row.findings.length > 0),
    );
  });

  router.get('/register/export', async (req, res) => {
    const format = queryOf(req, 'format');
    const rows = await exportRegister(deps, callerOf(req), `register.${format}`);
    const body = format === 'csv' ? registerCsv(rows) : await registerXlsx(rows);
    res
      .status(200)
      .setHeader(
        'Content-Type',
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .setHeader('Content-Disposition', `attachment; filename="pui-register.${format}"`)
      .setHeader('Cache-Control', 'no-store')
      .send(body);
  });

  return router;
}
