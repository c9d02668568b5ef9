/** JSON and file routes for the register: the committee summary, the findings to-do list, the export. */
import { Router } from 'express';
import { Forbidden, isDpo, registerFindings } from '../domain';
import { committeeReportDocx } from '../documents/committee-report-docx';
import { DOCX_CONTENT_TYPE } from '../documents/docx-kit';
import { registerCsv, registerXlsx } from '../register-files';
import {
  committeeReport,
  committeeReportFilename,
  exportRegister,
  loadRegister,
  summariseRegister,
  type UseCaseDeps,
} from '../use-cases';
import { HttpProblem } from './error-response';
import { callerOf } from './incident-routes';
import { sendAttachment, XLSX_CONTENT_TYPE } from './send-attachment';
import { queryOf } from './request-contract';

export function registerRoutes(deps: UseCaseDeps): Router {
  const router = Router();

  router.get('/register/report', async (req, res) => {
    const period = { from: queryOf(req, 'from'), to: queryOf(req, 'to') };
    const format = req.query.format ?? 'json';
    if (format === 'docx') {
      const lang = queryOf(req, 'lang');
      const content = await committeeReport(deps, callerOf(req), {
        period,
        caseNumber: queryOf(req, 'caseNumber'),
        lang,
      });
      sendAttachment(
        res,
        DOCX_CONTENT_TYPE,
        committeeReportFilename(period, lang),
        Buffer.from(await committeeReportDocx(content)),
      );
      return;
    }
    if (format !== 'json')
      throw new HttpProblem(
        400,
        'invalid_report_format',
        'format ska vara json eller docx.',
        'format must be json or docx.',
      );
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
    sendAttachment(
      res,
      format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_CONTENT_TYPE,
      `pui-register.${format}`,
      body,
    );
  });

  return router;
}
