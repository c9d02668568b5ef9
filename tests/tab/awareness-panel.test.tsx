/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEvent, IncidentDetails } from '../../src/web/api-contract';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { AwarenessPanel } from '../../src/tab/incident/awareness-panel';
import { IncidentPage } from '../../src/tab/incident/incident-page';
import { changeMock, fieldRefusal, PanelHarness, staleEtag } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const REASON = 'Först vid samtalet med mottagaren stod det klart att bilagan innehöll personuppgifter.';
// Discovered 2026-11-20 10:00 Stockholm time (09:00 UTC); aware at 14:00 Stockholm time.
const AWARE_AT = '2026-11-20T13:00:00.000Z';
const aware = () => anIncident({ etag: 'etag-2', awareAt: AWARE_AT, awareReason: REASON });

const awareAtField = () => screen.getByLabelText(/^När fick ni kännedom om incidenten\?/) as HTMLInputElement;
const reasonField = () => screen.getByLabelText(/^Skäl för tidpunkten/) as HTMLTextAreaElement;
const recordButton = () => screen.getByRole('button', { name: 'Registrera kännedom' });
const section = () => document.querySelector('[data-section="awareness"]') as HTMLElement;

function fillAndSubmit(localTime = '2026-11-20T14:00', reason = REASON) {
  fireEvent.change(awareAtField(), { target: { value: localTime } });
  fireEvent.change(reasonField(), { target: { value: reason } });
  fireEvent.click(recordButton());
}

describe('AwarenessPanel', () => {
  afterEach(cleanup);

  it('shows when the clock started and the deadline, in a labelled form that starts from the current awareness', () => {
    renderTab(<PanelHarness panel={AwarenessPanel} initial={anIncident()} />);
    expect(screen.getByTestId('awareness-current').textContent).toBe(
      'Klockan startade 2026-11-20 10:00. Frist för anmälan till IMY: 2026-11-23 10:00.',
    );
    expect(screen.getByRole('form', { name: 'Kännedom: när klockan startar' })).toBeTruthy();
    expect(awareAtField().value).toBe('2026-11-20 10:00');
    expect(awareAtField().required).toBe(true);
    expect(reasonField().required).toBe(true);
  });

  it('posts the time as a UTC instant with the reason and the etag it read, then shows the new deadline', async () => {
    const change = changeMock().mockResolvedValue(aware());
    renderTab(<PanelHarness panel={AwarenessPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fillAndSubmit();

    await screen.findByText('Sparat. Ny frist för anmälan till IMY: 2026-11-23 14:00.');
    expect(change).toHaveBeenCalledTimes(1);
    expect(change).toHaveBeenCalledWith('inc-1', 'awareness', { awareAt: AWARE_AT, reason: REASON }, 'etag-1');
    expect(screen.getByTestId('awareness-current').textContent).toBe(
      'Klockan startade 2026-11-20 14:00. Frist för anmälan till IMY: 2026-11-23 14:00.',
    );
    expect(screen.getByTestId('awareness-reason').textContent).toBe(`Skäl: ${REASON}`);
    expect(screen.getByTestId('etag').textContent).toBe('etag-2');
  });

  it("shows the API's message on the time field when the time is before the discovery, and keeps the incident", async () => {
    const message =
      'Ni kan inte ha fått kännedom om incidenten innan den upptäcktes. Ange en tidpunkt från och med upptäckten.';
    const change = changeMock().mockRejectedValue(fieldRefusal('awareAt', 'before_discovery', message));
    renderTab(<PanelHarness panel={AwarenessPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fillAndSubmit('2026-11-19T10:00');

    await screen.findByText(message);
    expect(change.mock.calls[0][2]).toEqual({ awareAt: '2026-11-19T09:00:00.000Z', reason: REASON });
    expect(awareAtField().getAttribute('aria-invalid')).toBe('true');
    expect(reasonField().getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByTestId('etag').textContent).toBe('etag-1');
    expect(screen.queryByText(/Sparat/)).toBeNull();
  });

  it("sends nothing while the reason is empty, and says so in the tab's language", () => {
    const change = changeMock();
    renderTab(<PanelHarness panel={AwarenessPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fillAndSubmit('2026-11-20T14:00', '');
    expect(reasonField().validity.valueMissing).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe(
      'Fyll i fälten som är markerade med * och försök igen. Ingenting har sparats.',
    );
    expect(document.activeElement).toBe(reasonField());
    expect(change).not.toHaveBeenCalled();
  });

  it("shows the API's message on the reason field when the reason is only blanks", async () => {
    const message = 'Skäl för tidpunkten för kännedom måste fyllas i.';
    const change = changeMock().mockRejectedValue(fieldRefusal('reason', 'required', message));
    renderTab(<PanelHarness panel={AwarenessPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fillAndSubmit('2026-11-20T14:00', '   ');

    await screen.findByText(message);
    expect(change.mock.calls[0][2]).toEqual({ awareAt: AWARE_AT, reason: '   ' });
    expect(reasonField().getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a conflict (412) in the panel, keeps the typed reason, and retries with the reloaded etag', async () => {
    const change = changeMock().mockRejectedValueOnce(staleEtag()).mockResolvedValueOnce(aware());
    const theirs = anIncident({ etag: 'etag-theirs', owner: { id: 'dpo-2', name: 'Olle Ombud' } });
    renderTab(
      <PanelHarness
        panel={AwarenessPanel}
        initial={anIncident()}
        reloadTo={theirs}
        latest={{ what: 'Tagen', who: 'Olle Ombud', when: '2026-11-20 11:00' }}
      />,
      { api: fakeApi({ change }) },
    );
    fillAndSubmit();

    const conflict = await screen.findByTestId('conflict-message');
    expect(section().contains(conflict)).toBe(true);
    expect(conflict.textContent).toContain('Någon annan hann före');
    expect(reasonField().value).toBe(REASON);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Ladda om incidenten' }));
    expect(screen.getByTestId('conflict-message').textContent).toContain(
      'Senaste ändringen: Tagen av Olle Ombud, 2026-11-20 11:00.',
    );

    fireEvent.click(recordButton());
    await screen.findByText('Sparat. Ny frist för anmälan till IMY: 2026-11-23 14:00.');
    expect(change.mock.calls.map((c) => c[3])).toEqual(['etag-1', 'etag-theirs']);
    expect(screen.queryByTestId('conflict-message')).toBeNull();
  });

  it('offers no form once IMY is notified, and says why', () => {
    const notified = anIncident({
      status: 'notified',
      imyNotice: {
        notifiedAt: '2026-11-21T09:00:00.000Z',
        phased: false,
        recordedAt: '2026-11-21T09:00:00.000Z',
        recordedBy: dpo,
      },
    });
    renderTab(<PanelHarness panel={AwarenessPanel} initial={notified} />);
    expect(
      screen.getByText('Incidenten är anmäld till IMY, så tidpunkten för kännedom kan inte längre ändras.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registrera kännedom' })).toBeNull();
  });

  it('speaks English in English', async () => {
    const change = changeMock().mockResolvedValue(aware());
    renderTab(<PanelHarness panel={AwarenessPanel} initial={anIncident()} />, {
      api: fakeApi({ change }),
      locale: 'en',
    });
    fireEvent.change(screen.getByLabelText(/^When did you become aware of the breach\?/), {
      target: { value: '2026-11-20T14:00' },
    });
    fireEvent.change(screen.getByLabelText(/^Reason for the time/), { target: { value: REASON } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the awareness' }));
    await screen.findByText('Saved. New deadline for notifying IMY: 2026-11-23 14:00.');
  });
});

describe('recording the awareness on the incident page', () => {
  afterEach(cleanup);

  const event = (type: AuditEvent['type'], at: string, data: AuditEvent['data'] = {}): AuditEvent => ({
    id: `ev-${type}`,
    incidentId: 'inc-1',
    at,
    actor: dpo,
    type,
    data,
  });

  it('moves the deadline in the page heading and names the change in the timeline', async () => {
    const before: IncidentDetails = {
      incident: anIncident(),
      events: [event('reported', '2026-11-20T09:00:00.000Z')],
      duties: null,
      findings: [],
      supplementDueAt: null,
    };
    const after: IncidentDetails = {
      ...before,
      incident: aware(),
      events: [
        ...before.events,
        event('awareness-recorded', '2026-11-20T15:00:00.000Z', {
          previousAwareAt: '2026-11-20T09:00:00.000Z',
          awareAt: AWARE_AT,
          deadline: '2026-11-23T13:00:00.000Z',
        }),
      ],
    };
    const incident = jest
      .fn<ReturnType<PuiApi['incident']>, Parameters<PuiApi['incident']>>()
      .mockResolvedValueOnce(before)
      .mockResolvedValue(after);
    const change = changeMock().mockResolvedValue(aware());
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, { api: fakeApi({ incident, change }) });

    await screen.findByTestId('awareness-current');
    expect(screen.getByText('2026-11-23 10:00')).toBeTruthy();
    // Not due: the track is closed, its one line says when the clock started.
    const toggle = screen.getByRole('button', { name: /^Kännedom: när klockan startar/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('Klockan startade 2026-11-20 10:00 (vid upptäckten).');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fillAndSubmit();

    await waitFor(() =>
      expect(screen.getByTestId('timeline').textContent).toContain(
        'Tidpunkt för kännedom ändrad: 2026-11-20 10:00 → 2026-11-20 14:00',
      ),
    );
    expect(change).toHaveBeenCalledWith('inc-1', 'awareness', { awareAt: AWARE_AT, reason: REASON }, 'etag-1');
    expect(screen.queryByText('2026-11-23 10:00')).toBeNull();
    expect(screen.getByText('2026-11-23 14:00')).toBeTruthy();
    expect(within(section()).getByRole('status').textContent).toBe(
      'Sparat. Ny frist för anmälan till IMY: 2026-11-23 14:00.',
    );
  });
});
