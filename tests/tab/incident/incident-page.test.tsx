/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Incident, IncidentDetails } from '../../../src/web/api-contract';
import type { PuiApi } from '../../../src/tab/api/pui-api';
import { IncidentPage } from '../../../src/tab/incident/incident-page';
import { changeMock } from '../support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from '../support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
// Far ahead, so the clock is running and not due today whenever the test runs.
const soon = (incident: Partial<Incident>) => anIncident({ discoveredAt: '2099-11-20T09:00:00.000Z', ...incident });
const details = (incident: Incident): IncidentDetails => ({
  incident,
  events: [],
  duties: null,
  findings: [],
  supplementDueAt: null,
});
const toggle = (heading: RegExp) => screen.getByRole('button', { name: heading });
const expanded = (heading: RegExp) => toggle(heading).getAttribute('aria-expanded');
const assessed = (risk: 'risk' | 'high') =>
  soon({
    status: 'assessed',
    owner: dpo,
    assessment: { risk, rationale: 'r', assessedAt: '2099-11-20T10:00:00.000Z', assessedBy: dpo },
  });

function renderPage(incidentApi: PuiApi['incident'], change = changeMock()) {
  renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, { api: fakeApi({ incident: incidentApi, change }) });
  return change;
}

describe('IncidentPage as the DPO workbench', () => {
  afterEach(cleanup);

  it('puts the next duty first, opens the due assessment and keeps the other tracks closed with their one line', async () => {
    renderPage(jest.fn().mockResolvedValue(details(soon({}))));
    const next = await screen.findByTestId('next-duty');
    expect(next.textContent).toBe('Ta incidenten');
    expect(screen.getByTestId('next-duty-text').textContent).toContain('Senast 2099-11-23 10:00.');
    expect(expanded(/^Riskbedömning/)).toBe('true');
    expect(expanded(/^Anmälan till IMY/)).toBe('false');
    expect(toggle(/^Anmälan till IMY/).textContent).toContain('Bedöm risken först.');
    expect(expanded(/^Lex Sarah och IVO/)).toBe('false');
    expect(toggle(/^Polisanmälan/).textContent).toContain('Inte registrerat.');
    expect(document.getElementById('police-body')?.hidden).toBe(true);
  });

  it('takes the incident with the next-duty button', async () => {
    const change = renderPage(
      jest.fn().mockResolvedValue(details(soon({}))),
      changeMock().mockResolvedValue(soon({ status: 'triage', owner: dpo, etag: 'etag-2' })),
    );
    fireEvent.click(await screen.findByTestId('next-duty'));
    await waitFor(() => expect(change).toHaveBeenCalledWith('inc-1', 'take', {}, 'etag-1'));
  });

  it('moves focus to the assessment with the next-duty button, and opens the IMY track by itself once the assessment makes it due', async () => {
    const incident = jest
      .fn<ReturnType<PuiApi['incident']>, Parameters<PuiApi['incident']>>()
      .mockResolvedValueOnce(details(soon({ status: 'triage', owner: dpo })))
      .mockResolvedValue(details(assessed('risk')));
    const change = changeMock().mockResolvedValue(assessed('risk'));
    renderPage(incident, change);
    const next = await screen.findByTestId('next-duty');
    expect(next.textContent).toBe('Bedöm risken');
    fireEvent.click(next);
    await waitFor(() => expect(document.activeElement?.id).toBe('assessment-heading'));
    expect(expanded(/^Anmälan till IMY/)).toBe('false');

    fireEvent.click(screen.getByLabelText('Medför en risk'));
    fireEvent.change(screen.getByLabelText(/^Motivering/), { target: { value: 'Sekretess.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));
    await waitFor(() => expect(screen.getByTestId('next-duty').textContent).toBe('Anmäl till IMY'));
    await waitFor(() => expect(expanded(/^Anmälan till IMY/)).toBe('true'));
    expect(toggle(/^Anmälan till IMY/).textContent).toContain('Ska anmälas senast 2099-11-23 10:00.');
    fireEvent.click(screen.getByTestId('next-duty'));
    await waitFor(() => expect(document.activeElement?.id).toBe('imy-heading'));
  });

  it('asks for the data subjects after IMY at high risk, and opens art. 34', async () => {
    const notified = {
      ...assessed('high'),
      status: 'notified' as const,
      imyNotice: {
        notifiedAt: '2099-11-20T12:00:00.000Z',
        phased: false,
        recordedAt: '2099-11-20T12:00:00.000Z',
        recordedBy: dpo,
      },
    };
    renderPage(jest.fn().mockResolvedValue(details(notified)));
    expect((await screen.findByTestId('next-duty')).textContent).toBe('Informera de registrerade');
    expect(expanded(/^Information till de registrerade/)).toBe('true');
    expect(toggle(/^Anmälan till IMY/).textContent).toContain('Anmäld 2099-11-20 13:00.');
  });

  it('says an overdue duty is overdue', async () => {
    renderPage(
      jest
        .fn()
        .mockResolvedValue(
          details(anIncident({ discoveredAt: '2020-01-01T09:00:00.000Z', owner: dpo, status: 'triage' })),
        ),
    );
    await screen.findByTestId('next-duty');
    expect(document.querySelector('[data-section="duty"]')?.getAttribute('data-urgency')).toBe('overdue');
    expect(screen.getByTestId('next-duty-text').textContent).toContain('Fristen har gått ut.');
  });

  it('reads in the visual order: the work column (next duty, tracks) before the facts, the timeline and who read it', async () => {
    renderPage(jest.fn().mockResolvedValue(details(soon({}))));
    await screen.findByTestId('next-duty');
    const order = [...document.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
    expect(order).toEqual([
      'duty',
      'assessment',
      'imy',
      'notice-details',
      'subjects',
      'lex-sarah',
      'police',
      'ended',
      'awareness',
      'link',
      'legal-hold',
      'facts',
      'findings',
      'timeline',
      'access-log',
    ]);
  });

  it('shows a reporter what happens next and no workbench', async () => {
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, {
      api: fakeApi({ incident: jest.fn().mockResolvedValue(details(soon({}))) }),
      session: { me: { ...DPO, roles: ['reporter'] }, isDpo: false },
    });
    await screen.findByText(/Dataskyddsombudet har fått rapporten/);
    expect(screen.queryByTestId('next-duty')).toBeNull();
    expect(document.querySelector('[data-section="imy"]')).toBeNull();
  });
});
