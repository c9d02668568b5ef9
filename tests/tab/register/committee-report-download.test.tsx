/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { buildRegisterReport } from '../../../src/domain/register-report';
import { ReportSection } from '../../../src/tab/register/register-report-section';
import { CommitteeReportDownload } from '../../../src/tab/register/committee-report-download';
import { recentHalfYears, periodOf, halfYearKey } from '../../../src/tab/register/half-year';
import { ApiError } from '../../../src/web/api-error';
import type { RegisterReport } from '../../../src/web/api-contract';
import { fakeApi, renderTab } from '../support/tab-fixtures';

// The register's answer for a period with no incidents: the domain's own empty report.
const emptyReport = (from: string, to: string): RegisterReport => ({
  ...buildRegisterReport([]),
  period: { from, to },
});

let saved: string[] = [];
beforeAll(() => {
  // jsdom has no object URLs; the download saves through one.
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});
beforeEach(() => {
  saved = [];
});
afterEach(cleanup);

describe('Ladda ner redovisning (Word)', () => {
  it('downloads the chosen half-year with the case number typed in', async () => {
    const committeeReport = jest.fn(async () => ({ blob: new Blob(['x']), filename: 'redovisning-pui.docx' }));
    const api = fakeApi({
      registerReport: async (from, to) => emptyReport(from, to),
      allIncidents: async () => ({ items: [], truncated: false }),
      committeeReport,
    });
    renderTab(<ReportSection />, { api });
    const previous = recentHalfYears(new Date())[1];
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: halfYearKey(previous) } });
    fireEvent.change(screen.getByRole('textbox', { name: /Ärendebeteckning \(valfri\)/ }), {
      target: { value: 'SN 2026/0071' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner redovisning (Word)' }));
    await waitFor(() => expect(saved).toEqual(['redovisning-pui.docx']));
    expect(committeeReport).toHaveBeenCalledWith(periodOf(previous), 'SN 2026/0071');
  });

  it('shows the server’s refusal of the case number at the field, and no file is saved', async () => {
    const refusal = new ApiError(
      400,
      'validation_failed',
      'Ärendebeteckningen ser ut att innehålla ett personnummer.',
      [
        {
          field: 'caseNumber',
          code: 'case_number_personal_data',
          message: 'Ärendebeteckningen ser ut att innehålla ett personnummer.',
        },
      ],
    );
    const api = fakeApi({ committeeReport: async () => Promise.reject(refusal) });
    renderTab(<CommitteeReportDownload period={{ from: '2026-01-01', to: '2026-06-30' }} />, { api });
    const input = screen.getByRole('textbox', { name: /Ärendebeteckning/ });
    fireEvent.change(input, { target: { value: '121212-1212' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner redovisning (Word)' }));
    expect(await screen.findByText('Ärendebeteckningen ser ut att innehålla ett personnummer.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
  });

  it('says another failure in an alert, in English with the tab in English', async () => {
    const api = fakeApi({
      committeeReport: async () =>
        Promise.reject(new ApiError(403, 'forbidden', 'Only the data protection officer can.')),
    });
    renderTab(<CommitteeReportDownload period={{ from: '2026-01-01', to: '2026-06-30' }} />, { api, locale: 'en' });
    expect(screen.getByRole('textbox', { name: /Case number \(optional\)/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download report (Word)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only the data protection officer can.');
  });
});
