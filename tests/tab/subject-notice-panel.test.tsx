/** @jest-environment jsdom */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { SubjectNoticePanel } from '../../src/tab/incident/subject-notice-panel';
import { changeMock, fieldRefusal, PanelHarness, staleEtag } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const notifiedAtField = () => screen.getByLabelText(/^När informerades de\?/) as HTMLInputElement;
const methodField = () => screen.getByLabelText(/^Hur informerades de\?/) as HTMLInputElement;
const reasonField = () => screen.getByLabelText(/^Varför informeras de inte\?/) as HTMLTextAreaElement;
const recordButton = () => screen.getByRole('button', { name: 'Registrera informationen' });
const section = () => document.querySelector('[data-section="subjects"]') as HTMLElement;
const recorded = (notice: { notifiedAt?: string; method?: string; notInformedReason?: string }) =>
  anIncident({ etag: 'etag-2', subjectNotice: { ...notice, recordedAt: '2026-11-21T10:00:00.000Z', recordedBy: dpo } });

describe('SubjectNoticePanel', () => {
  afterEach(cleanup);

  it('chooses nothing for the DPO: neither answer is selected and no time is filled in', () => {
    const change = changeMock();
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    expect((screen.getByLabelText('De registrerade har informerats') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('De registrerade informeras inte') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByLabelText(/^När informerades de\?/)).toBeNull();
    fireEvent.click(recordButton());
    expect(change).not.toHaveBeenCalled();
    expect(screen.getByText('Välj om de registrerade har informerats eller inte.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('De registrerade har informerats'));
    expect(notifiedAtField().value).toBe('');
  });

  it('posts when and how the data subjects were informed, with the etag it read, then shows it recorded', async () => {
    const change = changeMock().mockResolvedValue(recorded({ notifiedAt: '2026-11-21T09:00:00.000Z', method: 'brev' }));
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    expect(screen.getByRole('form', { name: 'Information till de registrerade (artikel 34)' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('De registrerade har informerats'));
    fireEvent.change(notifiedAtField(), { target: { value: '2026-11-21T10:00' } });
    fireEvent.change(methodField(), { target: { value: 'brev' } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change).toHaveBeenCalledWith(
      'inc-1',
      'subject-notice',
      { notifiedAt: '2026-11-21T09:00:00.000Z', method: 'brev' },
      'etag-1',
    );
    const shown = screen.getByTestId('subjects-recorded').textContent;
    expect(shown).toContain('Informerade 2026-11-21 10:00.');
    expect(shown).toContain('(brev)');
  });

  it('posts only the reason when they are not informed', async () => {
    const reason = 'Uppgifterna var krypterade (artikel 34.3 a).';
    const change = changeMock().mockResolvedValue(recorded({ notInformedReason: reason }));
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.click(screen.getByLabelText('De registrerade informeras inte'));
    expect(screen.queryByLabelText(/^När informerades de\?/)).toBeNull();
    fireEvent.change(reasonField(), { target: { value: reason } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change.mock.calls[0][2]).toEqual({ notInformedReason: reason });
    expect(screen.getByTestId('subjects-recorded').textContent).toBe(`Informeras inte: ${reason}`);
  });

  it("shows the API's message under the reason when neither a time nor a reason is given", async () => {
    const message = 'Ange när de registrerade informerades, eller skälet till att de inte informeras (artikel 34.3).';
    const change = changeMock().mockRejectedValue(fieldRefusal('notifiedAt', 'notice_or_reason_required', message));
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.click(screen.getByLabelText('De registrerade informeras inte'));
    fireEvent.change(reasonField(), { target: { value: '   ' } });
    fireEvent.click(recordButton());

    await screen.findByText(message);
    expect(change.mock.calls[0][2]).toEqual({ notInformedReason: '   ' });
    expect(reasonField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('subjects-recorded')).toBeNull();
  });

  it("shows the API's message on the time field when the time is in the future", async () => {
    const message = 'Tidpunkt då de registrerade informerades kan inte ligga i framtiden.';
    const change = changeMock().mockRejectedValue(fieldRefusal('notifiedAt', 'in_future', message));
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.click(screen.getByLabelText('De registrerade har informerats'));
    fireEvent.change(notifiedAtField(), { target: { value: '2099-01-01T10:00' } });
    fireEvent.click(recordButton());

    await screen.findByText(message);
    expect(notifiedAtField().getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a conflict (412) in the panel', async () => {
    const change = changeMock().mockRejectedValue(staleEtag());
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.click(screen.getByLabelText('De registrerade informeras inte'));
    fireEvent.change(reasonField(), { target: { value: 'Krypterat.' } });
    fireEvent.click(recordButton());
    const conflict = await screen.findByTestId('conflict-message');
    expect(section().contains(conflict)).toBe(true);
    expect(conflict.textContent).toContain('Någon annan hann före');
  });
});
