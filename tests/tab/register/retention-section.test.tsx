/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CulledNotice } from '../../../src/tab/incident/culled-notice';
import { RetentionSection } from '../../../src/tab/register/retention-section';
import type { RetentionOverview, RetentionRunAnswer } from '../../../src/web/api-contract';
import { fakeApi, renderTab } from '../support/tab-fixtures';

const due = [
  { number: 'PUI-2020-0002', closedAt: '2020-03-01T10:00:00.000Z', dueAt: '2025-03-01T10:00:00.000Z' },
  { number: 'PUI-2021-0001', closedAt: '2021-06-01T10:00:00.000Z', dueAt: '2026-06-01T10:00:00.000Z' },
];
const decision = 'RETENTION_YEARS=5, RETENTION_FROM=closure, RETENTION_SCOPE=whole';
const overview = (over: Partial<RetentionOverview> = {}): RetentionOverview => ({
  policy: { kind: 'cull', decision },
  asOf: '2026-12-02T09:00:00.000Z',
  due,
  run: null,
  ...over,
});
const aRun = (over: Partial<RetentionRunAnswer> = {}): RetentionRunAnswer => ({
  id: 'run-1',
  phase: 'prepared',
  scope: 'whole',
  decision,
  asOf: '2026-12-02T09:00:00.000Z',
  preparedAt: '2026-12-02T09:00:00.000Z',
  by: { id: 'dpo-1', name: 'Dana Dataskydd' },
  items: due.map((d, i) => ({ ...d, id: `inc-${i}` })),
  exported: [],
  ...over,
});

beforeAll(() => {
  // jsdom has no object URLs; the download saves through one.
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
  // The saved file's own anchor click would navigate, which jsdom does not do.
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(cleanup);

describe('RetentionSection', () => {
  it('says the register is kept when the records plan has no retention decision', async () => {
    renderTab(<RetentionSection />, {
      api: fakeApi({ retention: async () => overview({ policy: { kind: 'keep', decision: 'bevaras' }, due: [] }) }),
    });
    expect(await screen.findByText(/Registret bevaras/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lists what is due, prepares the run, takes both exports and culls after the typed count', async () => {
    const exported: string[] = [];
    const culls: [string, number][] = [];
    const api = fakeApi({
      retention: async () => (culls.length ? overview({ due: [] }) : overview()),
      prepareRetentionRun: async () => aRun(),
      retentionExport: async (_id, kind) => {
        exported.push(kind);
        return { blob: new Blob(['x']), filename: `f.${kind}` };
      },
      retentionExportUrl: (id, kind) => `/api/retention/runs/${id}/export?kind=${kind}`,
      cullRetentionRun: async (id, confirm) => {
        culls.push([id, confirm]);
        return { runId: id, culled: due.map((d) => d.number), skipped: [] };
      },
    });
    renderTab(<RetentionSection />, { api });

    const table = await screen.findByTestId('retention-due');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['NummerAvslutadGallras från', 'PUI-2020-00022020-03-012025-03-01', 'PUI-2021-00012021-06-012026-06-01']);
    expect(screen.getByText(`Gallringsbeslut enligt informationshanteringsplanen: ${decision}.`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Förbered gallring' }));

    const confirm = await screen.findByLabelText(/Skriv antalet incidenter som gallras \(2\)/);
    fireEvent.change(confirm, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gallra 2 incidenter' }));
    expect(await screen.findByText('Ta ut båda exporterna först.')).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'Ladda ner registerraderna (XLSX)' }));
    await screen.findByText(/\(hämtad\)/);
    fireEvent.click(screen.getByRole('link', { name: 'Ladda ner händelseloggen (JSON)' }));
    await waitFor(() => expect(exported).toEqual(['xlsx', 'audit']));

    fireEvent.change(confirm, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gallra 2 incidenter' }));
    expect(await screen.findByText('Skriv 2 för att bekräfta att alla incidenter ska gallras.')).toBeTruthy();
    expect(culls).toEqual([]);

    fireEvent.change(confirm, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gallra 2 incidenter' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Klart: 2 incidenter gallrades.');
    expect(culls).toEqual([['run-1', 2]]);
    expect(await screen.findByText('Inget att gallra i dag.')).toBeTruthy();
  });

  it('offers to finish a run that stopped, in English, and shows a refusal from the server', async () => {
    const api = fakeApi({
      retention: async () => overview({ run: aRun({ phase: 'culling', exported: ['xlsx', 'audit'] }) }),
      retentionExportUrl: (id, kind) => `/api/retention/runs/${id}/export?kind=${kind}`,
      cullRetentionRun: async () => {
        throw new Error('Another retention run is in progress.');
      },
    });
    renderTab(<RetentionSection />, { api, locale: 'en' });

    expect(await screen.findByText(/A cull stopped before it was done/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Type the number of incidents to be culled \(2\)/), {
      target: { value: '2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cull 2 incidents' }));
    expect(await screen.findByText('Another retention run is in progress.')).toBeTruthy();
  });
});

describe('CulledNotice', () => {
  it('says when, by whom and what a retention run culled, in Swedish and English', () => {
    const retention = {
      culledAt: '2031-01-02T08:00:00.000Z',
      scope: 'whole' as const,
      decision,
      runId: 'r',
      by: { id: 'd', name: 'Dana Dataskydd' },
    };
    renderTab(<CulledNotice retention={retention} />);
    expect(screen.getByTestId('culled-notice').textContent).toBe(
      'Gallrad 2031-01-02 enligt informationshanteringsplanen av Dana Dataskydd. Kvar finns en minimal post utan personuppgifter: nummer, datum, orsak, typ, risk och om IMY och de registrerade underrättades.',
    );
    cleanup();
    renderTab(<CulledNotice retention={{ ...retention, scope: 'audit' }} />, { locale: 'en' });
    expect(screen.getByTestId('culled-notice').textContent).toBe(
      'Culled on 2031-01-02 by the records plan, by Dana Dataskydd. The audit trail is culled; the incident remains as it was.',
    );
  });
});
