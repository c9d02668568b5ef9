/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { BoardPage } from '../../../src/tab/board/board-page';
import { anIncident, DPO, fakeApi, renderTab } from '../support/tab-fixtures';

const HOUR = 3600_000;
const dpo = { id: DPO.id, name: DPO.name };
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const items = [
  anIncident({
    id: 'later',
    number: 'PUI-2026-0003',
    discoveredAt: ago(1),
    deadline: new Date(Date.now() + 71 * HOUR).toISOString(),
  }),
  anIncident({
    id: 'overdue',
    number: 'PUI-2026-0001',
    discoveredAt: ago(80),
    deadline: ago(8),
    owner: dpo,
    status: 'triage',
    unit: 'Skola',
  }),
  anIncident({
    id: 'today',
    number: 'PUI-2026-0002',
    discoveredAt: ago(60),
    deadline: new Date(Date.now() + 12 * HOUR).toISOString(),
  }),
];
const api = () => fakeApi({ allIncidents: jest.fn().mockResolvedValue({ items, truncated: false }) });

describe('BoardPage', () => {
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
  });

  it('shows overdue and due-today first, with the next duty on each row and the counts at the top', async () => {
    renderTab(<BoardPage />, { api: api() });
    await screen.findByRole('table');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'PUI-2026-0001',
      'PUI-2026-0002',
      'PUI-2026-0003',
    ]);
    expect(rows.map((r) => r.querySelector('[data-duty]')?.textContent)).toEqual([
      'Bedöm risken',
      'Ta incidenten',
      'Ta incidenten',
    ]);
    expect(rows.map((r) => r.getAttribute('data-urgency'))).toEqual(['overdue', 'today', 'later']);
    const counts = screen.getByTestId('board-counts').textContent;
    expect(counts).toContain('1 försenade');
    expect(counts).toContain('1 inom 24 h');
    expect(counts).toContain('Ny: 2');
    expect(counts).toContain('Under utredning: 1');
  });

  it('remembers the filters for the next visit', async () => {
    renderTab(<BoardPage />, { api: api() });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Enhet'), { target: { value: 'Skola' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    cleanup();

    renderTab(<BoardPage />, { api: api() });
    await screen.findByRole('table');
    expect((screen.getByLabelText('Enhet') as HTMLSelectElement).value).toBe('Skola');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('drops a stored value that is not a filter', async () => {
    window.localStorage.setItem('pui-desk.board-filters', JSON.stringify({ unit: 42, search: '0002' }));
    renderTab(<BoardPage />, { api: api() });
    await screen.findByRole('table');
    expect((screen.getByLabelText('Enhet') as HTMLSelectElement).value).toBe('');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });
});

describe('BoardPage: the digest’s numbers, the marks and linking from a mark', () => {
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
  });
  const mail = '<a1b2c3@kommun.example.se>';
  const first = anIncident({ id: 'f', number: 'PUI-2026-0005', title: 'Skickade fel', internetMessageId: mail });
  const second = anIncident({ id: 's', number: 'PUI-2026-0006', title: 'Fick ett mejl', internetMessageId: mail });

  it('shows just the digest’s numbers, says which are not there, and links back to the whole board', async () => {
    renderTab(<BoardPage numbers={['PUI-2026-0002', 'PUI-2026-0099']} />, { api: api() });
    await screen.findByRole('table');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('link')[0].textContent)).toEqual(['PUI-2026-0002']);
    const banner = screen.getByTestId('board-numbers').textContent;
    expect(banner).toContain('Visar 1 incident från sammanfattningen i DPO-kanalen');
    expect(banner).toContain('PUI-2026-0099');
    expect(screen.getByRole('link', { name: 'Visa alla öppna incidenter' }).getAttribute('href')).toBe('#/board');
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('marks a report of the same mail and links it to the first with its button, naming the etag it read', async () => {
    const change = jest.fn().mockResolvedValue({ ...second, linkedTo: { id: 'f', number: first.number } });
    const allIncidents = jest.fn().mockResolvedValue({ items: [first, second], truncated: false });
    renderTab(<BoardPage />, { api: fakeApi({ allIncidents, change }) });
    await screen.findByRole('table');
    const row = screen.getAllByRole('row').find((r) => r.textContent?.includes('PUI-2026-0006'))!;
    expect(row.textContent).toContain('Möjligen samma händelse som PUI-2026-0005 (samma mejl)');
    fireEvent.click(within(row).getByRole('button', { name: 'Länka till PUI-2026-0005: PUI-2026-0006' }));
    await screen.findByText('PUI-2026-0006 är länkad till PUI-2026-0005.');
    expect(change).toHaveBeenCalledWith('s', 'link', { mainNumber: 'PUI-2026-0005' }, second.etag);
    expect(allIncidents).toHaveBeenCalledTimes(2);
  });
});
