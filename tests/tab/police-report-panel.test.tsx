/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { PoliceReportPanel } from '../../src/tab/incident/police-report-panel';
import { changeMock, fieldRefusal, PanelHarness, staleEtag } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const reportedAtField = () => screen.getByLabelText(/^När gjordes polisanmälan\?/) as HTMLInputElement;
const referenceField = () => screen.getByLabelText(/^Polisens diarienummer/) as HTMLInputElement;
const recordButton = () => screen.getByRole('button', { name: 'Registrera polisanmälan' });
const section = () => document.querySelector('[data-section="police"]') as HTMLElement;
const reported = (reference?: string) =>
  anIncident({
    etag: 'etag-2',
    policeReport: {
      reportedAt: '2026-11-20T12:00:00.000Z',
      ...(reference ? { reference } : {}),
      recordedAt: '2026-11-20T12:05:00.000Z',
      recordedBy: dpo,
    },
  });

describe('PoliceReportPanel', () => {
  afterEach(cleanup);

  it('posts the time and the reference with the etag it read, then shows the report recorded', async () => {
    const change = changeMock().mockResolvedValue(reported('K123456-26'));
    renderTab(<PanelHarness panel={PoliceReportPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    expect(screen.queryByTestId('police-recorded')).toBeNull();
    expect(screen.getByRole('form', { name: 'Polisanmälan' })).toBeTruthy();
    expect(reportedAtField().value).toBe('');
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20T13:00' } });
    fireEvent.change(referenceField(), { target: { value: 'K123456-26' } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change).toHaveBeenCalledWith(
      'inc-1',
      'police-report',
      { reportedAt: '2026-11-20T12:00:00.000Z', reference: 'K123456-26' },
      'etag-1',
    );
    expect(screen.getByTestId('police-recorded').textContent).toBe(
      'Polisanmäld 2026-11-20 13:00, diarienummer K123456-26.',
    );
  });

  it('leaves out a blank reference', async () => {
    const change = changeMock().mockResolvedValue(reported());
    renderTab(<PanelHarness panel={PoliceReportPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20T13:00' } });
    fireEvent.change(referenceField(), { target: { value: '   ' } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change.mock.calls[0][2]).toEqual({ reportedAt: '2026-11-20T12:00:00.000Z' });
    expect(screen.getByTestId('police-recorded').textContent).toBe('Polisanmäld 2026-11-20 13:00.');
  });

  it("shows the API's message on the time field when the time is in the future", async () => {
    const message = 'Tidpunkt för polisanmälan kan inte ligga i framtiden.';
    const change = changeMock().mockRejectedValue(fieldRefusal('reportedAt', 'in_future', message));
    renderTab(<PanelHarness panel={PoliceReportPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(reportedAtField(), { target: { value: '2099-01-01T10:00' } });
    fireEvent.click(recordButton());

    await screen.findByText(message);
    expect(change.mock.calls[0][2]).toEqual({ reportedAt: '2099-01-01T09:00:00.000Z' });
    expect(reportedAtField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('police-recorded')).toBeNull();
  });

  it('explains a conflict (412) in the panel and keeps the typed reference', async () => {
    const change = changeMock().mockRejectedValue(staleEtag());
    renderTab(<PanelHarness panel={PoliceReportPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20 13:00' } });
    fireEvent.change(referenceField(), { target: { value: 'K123456-26' } });
    fireEvent.click(recordButton());

    const conflict = await screen.findByTestId('conflict-message');
    expect(section().contains(conflict)).toBe(true);
    expect(conflict.textContent).toContain('Din ändring sparades inte, och ingenting skrevs över.');
    expect(within(conflict).getByRole('button', { name: 'Ladda om incidenten' })).toBeTruthy();
    expect(referenceField().value).toBe('K123456-26');
  });

  it('speaks English in English', () => {
    renderTab(<PanelHarness panel={PoliceReportPanel} initial={reported('K123456-26')} />, { locale: 'en' });
    expect(screen.getByTestId('police-recorded').textContent).toBe(
      'Reported to the police 2026-11-20 13:00, reference K123456-26.',
    );
    expect(screen.getByRole('button', { name: 'Record the police report' })).toBeTruthy();
    expect(screen.getByLabelText(/^When was it reported to the police\?/)).toBeTruthy();
  });
});
