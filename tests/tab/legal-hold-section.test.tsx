/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BoardTable } from '../../src/tab/board/board-table';
import { IncidentPage } from '../../src/tab/incident/incident-page';
import { ApiError } from '../../src/web/api-client';
import type { Incident, IncidentDetails } from '../../src/web/api-contract';
import { changeMock } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const closed = anIncident({
  status: 'closed',
  closedAt: '2026-11-30T09:00:00.000Z',
  closedBy: dpo,
  assessment: { risk: 'unlikely', rationale: 'r', assessedAt: '2026-11-29T09:00:00.000Z', assessedBy: dpo },
});
const held: Incident = {
  ...closed,
  etag: 'etag-2',
  legalHold: { since: '2026-12-02T09:00:00.000Z', by: dpo, reason: 'ivo', reference: '8.5-12345/2026' },
};
const details = (incident: Incident, retention: IncidentDetails['retention']): IncidentDetails => ({
  incident,
  events: [],
  duties: null,
  findings: [],
  supplementDueAt: null,
  retention,
});
const section = () => within(screen.getByRole('region', { name: /^(Gallring och spärr|Retention and legal hold)$/ }));

afterEach(cleanup);

describe('the incident page’s retention and legal hold', () => {
  it('says from when a closed incident may be culled, sets a hold with its reason and reference, marks it, and lifts it', async () => {
    const incident = jest
      .fn()
      .mockResolvedValueOnce(details(closed, { state: 'due', dueAt: '2031-12-31T23:00:00.000Z' }))
      .mockResolvedValueOnce(details(held, { state: 'held' }))
      .mockResolvedValue(details({ ...closed, etag: 'etag-3' }, { state: 'due', dueAt: '2031-12-31T23:00:00.000Z' }));
    const change = changeMock()
      .mockResolvedValueOnce(held)
      .mockResolvedValueOnce({ ...closed, etag: 'etag-3' });
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, { api: fakeApi({ incident, change }) });

    expect((await screen.findByTestId('retention-outlook')).textContent).toBe(
      'Gallring: Kan gallras från och med 2032-01-01 enligt informationshanteringsplanen.',
    );
    expect(section().getByTestId('legal-hold').textContent).toBe('Ingen spärr.');
    expect(screen.queryByTestId('legal-hold-mark')).toBeNull();

    fireEvent.change(section().getByLabelText(/^Skäl till spärren/), { target: { value: 'ivo' } });
    fireEvent.change(section().getByLabelText(/^Diarie- eller målnummer/), { target: { value: '8.5-12345/2026' } });
    fireEvent.click(section().getByRole('button', { name: 'Sätt spärr' }));
    await waitFor(() =>
      expect(change).toHaveBeenCalledWith(
        'inc-1',
        'legal-hold',
        { reason: 'ivo', reference: '8.5-12345/2026' },
        'etag-1',
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('retention-outlook').textContent).toBe('Gallring: Bevaras så länge spärren gäller.'),
    );
    expect(section().getByTestId('legal-hold').textContent).toBe(
      'Spärrad: IVO-ärende, 8.5-12345/2026. Sedan 2026-12-02 10:00 (Dana Dataskydd).',
    );
    expect(screen.getByTestId('legal-hold-mark').textContent).toContain('Spärrad mot gallring');

    fireEvent.click(section().getByRole('button', { name: 'Häv spärren' }));
    await waitFor(() => expect(change).toHaveBeenLastCalledWith('inc-1', 'lift-legal-hold', {}, 'etag-2'));
    await waitFor(() => expect(section().getByTestId('legal-hold').textContent).toBe('Ingen spärr.'));
    expect(section().getByText('Spärren är hävd.').getAttribute('role')).toBe('status');
    expect(section().queryByRole('button', { name: 'Häv spärren' })).toBeNull();
    expect(screen.queryByTestId('legal-hold-mark')).toBeNull();
  });

  it('sends nothing without a reason, and shows the API’s message on the reference', async () => {
    const change = changeMock().mockRejectedValue(
      new ApiError(400, 'validation_failed', 'x', [
        {
          field: 'reference',
          code: 'identity_number',
          message: 'Diarie- eller målnumret får inte innehålla ett personnummer.',
        },
      ]),
    );
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, {
      api: fakeApi({ incident: jest.fn().mockResolvedValue(details(closed, { state: 'kept' })), change }),
    });
    expect((await screen.findByTestId('retention-outlook')).textContent).toBe(
      'Gallring: Bevaras: informationshanteringsplanen gallrar inte incidenterna.',
    );
    fireEvent.click(section().getByRole('button', { name: 'Sätt spärr' }));
    expect(await section().findByText(/Fyll i fälten som är markerade/)).toBeTruthy();
    expect(change).not.toHaveBeenCalled();

    fireEvent.change(section().getByLabelText(/^Skäl till spärren/), { target: { value: 'court' } });
    fireEvent.change(section().getByLabelText(/^Diarie- eller målnummer/), { target: { value: 'T 19121212-1212' } });
    fireEvent.click(section().getByRole('button', { name: 'Sätt spärr' }));
    expect(await section().findByText('Diarie- eller målnumret får inte innehålla ett personnummer.')).toBeTruthy();
  });

  it('speaks English, and shows no hold section or mark to a reporter', async () => {
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, {
      locale: 'en',
      api: fakeApi({ incident: jest.fn().mockResolvedValue(details(held, { state: 'held' })) }),
    });
    expect((await screen.findByTestId('retention-outlook')).textContent).toBe(
      'Retention: Kept while the legal hold lasts.',
    );
    expect(section().getByTestId('legal-hold').textContent).toBe(
      'On hold: IVO case, 8.5-12345/2026. Since 2026-12-02 10:00 (Dana Dataskydd).',
    );
    expect(section().getByRole('button', { name: 'Change the hold' })).toBeTruthy();
    cleanup();

    const reporter = {
      id: closed.reporter.id,
      name: closed.reporter.name,
      roles: ['reporter' as const],
      profile: 'local' as const,
    };
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, {
      session: { me: reporter, isDpo: false },
      api: fakeApi({ incident: jest.fn().mockResolvedValue(details(held, { state: 'held' })) }),
    });
    expect(await screen.findByText('Tid kvar')).toBeTruthy();
    expect(screen.queryByTestId('retention-outlook')).toBeNull();
    expect(screen.queryByTestId('legal-hold-mark')).toBeNull();
  });

  it('marks a held incident on the board', () => {
    renderTab(<BoardTable rows={[held, { ...closed, id: 'inc-2', number: 'PUI-2026-0002' }]} now={new Date()} />);
    const marks = screen.getAllByTestId('legal-hold-mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].closest('tr')?.textContent).toContain(held.number);
  });
});
