/** @jest-environment jsdom */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { LexSarahPanel } from '../../src/tab/incident/lex-sarah-panel';
import { changeMock, fieldRefusal, PanelHarness, staleEtag } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const reportedAtField = () => screen.getByLabelText(/^När gjordes lex Sarah-rapporten\?/) as HTMLInputElement;
const ivoCheckbox = () => screen.getByLabelText('Anmäld till IVO') as HTMLInputElement;
const ivoAtField = () => screen.getByLabelText(/^När anmäldes den till IVO\?/) as HTMLInputElement;
const ivoReferenceField = () => screen.getByLabelText(/^IVO:s diarienummer/) as HTMLInputElement;
const recordButton = () => screen.getByRole('button', { name: 'Registrera lex Sarah' });
const section = () => document.querySelector('[data-section="lex-sarah"]') as HTMLElement;

describe('LexSarahPanel', () => {
  afterEach(cleanup);

  it('posts the internal report alone when it was not reported to IVO, with the etag it read', async () => {
    const change = changeMock().mockResolvedValue(
      anIncident({
        etag: 'etag-2',
        lexSarah: {
          reportedAt: '2026-11-20T12:00:00.000Z',
          reportedToIvo: false,
          recordedAt: '2026-11-20T12:05:00.000Z',
          recordedBy: dpo,
        },
      }),
    );
    renderTab(<PanelHarness panel={LexSarahPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    expect(screen.getByRole('form', { name: 'Lex Sarah och IVO' })).toBeTruthy();
    expect(screen.queryByLabelText(/^När anmäldes den till IVO\?/)).toBeNull();
    expect(reportedAtField().value).toBe('');
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20T13:00' } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change).toHaveBeenCalledWith(
      'inc-1',
      'lex-sarah',
      { reportedAt: '2026-11-20T12:00:00.000Z', reportedToIvo: false },
      'etag-1',
    );
    expect(screen.getByTestId('lex-sarah-recorded').textContent?.trim()).toBe('Lex Sarah-rapport 2026-11-20 13:00.');
  });

  it('posts the IVO time and reference when reported to IVO, then shows both', async () => {
    const change = changeMock().mockResolvedValue(
      anIncident({
        etag: 'etag-2',
        lexSarah: {
          reportedAt: '2026-11-20T12:00:00.000Z',
          reportedToIvo: true,
          ivoReportedAt: '2026-11-21T08:00:00.000Z',
          ivoReference: '3.1-12345/2026',
          recordedAt: '2026-11-21T08:05:00.000Z',
          recordedBy: dpo,
        },
      }),
    );
    renderTab(<PanelHarness panel={LexSarahPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20T13:00' } });
    fireEvent.click(ivoCheckbox());
    fireEvent.change(ivoAtField(), { target: { value: '2026-11-21T09:00' } });
    fireEvent.change(ivoReferenceField(), { target: { value: '3.1-12345/2026' } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change.mock.calls[0][2]).toEqual({
      reportedAt: '2026-11-20T12:00:00.000Z',
      reportedToIvo: true,
      ivoReportedAt: '2026-11-21T08:00:00.000Z',
      ivoReference: '3.1-12345/2026',
    });
    expect(screen.getByTestId('lex-sarah-recorded').textContent).toBe(
      'Lex Sarah-rapport 2026-11-20 13:00. Anmäld till IVO 2026-11-21 09:00, diarienummer 3.1-12345/2026.',
    );
  });

  it("shows the API's message on the IVO time field when it is refused", async () => {
    const message = 'Tidpunkt för anmälan till IVO kan inte ligga i framtiden.';
    const change = changeMock().mockRejectedValue(fieldRefusal('ivoReportedAt', 'in_future', message));
    renderTab(<PanelHarness panel={LexSarahPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20 13:00' } });
    fireEvent.click(ivoCheckbox());
    expect(ivoAtField().value).toBe('');
    fireEvent.change(ivoAtField(), { target: { value: '2099-01-01T10:00' } });
    fireEvent.click(recordButton());

    await screen.findByText(message);
    expect(change.mock.calls[0][2]).toMatchObject({ reportedToIvo: true, ivoReportedAt: '2099-01-01T09:00:00.000Z' });
    expect(ivoAtField().getAttribute('aria-invalid')).toBe('true');
    expect(reportedAtField().getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByTestId('lex-sarah-recorded')).toBeNull();
  });

  it('explains a conflict (412) in the panel', async () => {
    const change = changeMock().mockRejectedValue(staleEtag());
    renderTab(<PanelHarness panel={LexSarahPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(reportedAtField(), { target: { value: '2026-11-20 13:00' } });
    fireEvent.click(recordButton());
    const conflict = await screen.findByTestId('conflict-message');
    expect(section().contains(conflict)).toBe(true);
    expect(conflict.textContent).toContain('Någon annan hann före');
  });
});
