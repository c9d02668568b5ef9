/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../src/web/api-client';
import type { AuditEvent, Incident, IncidentDetails } from '../../src/web/api-contract';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { toLocalInput } from '../../src/tab/components/time-input';
import { ImyNoticePanel, type ImyNoticePanelProps } from '../../src/tab/incident/imy-notice-panel';
import { IncidentPage } from '../../src/tab/incident/incident-page';
import { Timeline } from '../../src/tab/incident/timeline';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const NOTIFIED_AT = '2026-11-20T10:00:00.000Z';
/** Far ahead, in summer time (UTC+2): owed, not overdue, whenever the test runs. */
const DUE_AHEAD = '2099-07-01T08:00:00.000Z';
/** Long past, in winter time (UTC+1): overdue. */
const DUE_PAST = '2020-01-15T08:00:00.000Z';

function phased(overrides: Partial<Incident> = {}, supplementedAt?: string): Incident {
  return anIncident({
    status: 'notified',
    assessment: { risk: 'risk', rationale: 'Känd mottagare.', assessedAt: '2026-11-20T09:30:00.000Z', assessedBy: dpo },
    imyNotice: {
      notifiedAt: NOTIFIED_AT,
      phased: true,
      recordedAt: NOTIFIED_AT,
      recordedBy: dpo,
      ...(supplementedAt ? { supplementedAt } : {}),
    },
    reportedToAuthority: true,
    ...overrides,
  });
}

function panel(overrides: Partial<ImyNoticePanelProps> = {}): ImyNoticePanelProps {
  return {
    incident: phased(),
    supplementDueAt: DUE_AHEAD,
    canEdit: true,
    onChanged: jest.fn(),
    onReload: jest.fn(),
    reloading: false,
    ...overrides,
  };
}

function anEvent(type: AuditEvent['type'], at: string, data: AuditEvent['data'] = {}): AuditEvent {
  return { id: `ev-${type}`, incidentId: 'inc-1', at, actor: dpo, type, data };
}

const sentAtField = () => screen.getByLabelText(/^När skickades kompletteringen till IMY\?/) as HTMLInputElement;
const recordButton = () => screen.getByRole('button', { name: 'Registrera komplettering' });

describe('ImySupplement in the IMY notice panel', () => {
  afterEach(cleanup);

  it('shows by when the supplement is owed, in Stockholm time, with a labelled empty field and a "Nu" button', () => {
    renderTab(<ImyNoticePanel {...panel()} />);
    const owed = screen.getByTestId('imy-supplement');
    expect(within(owed).getByText('Komplettering till IMY ska skickas senast 2099-07-01 10:00')).toBeTruthy();
    expect(owed.querySelector('[data-supplement="owed"]')).not.toBeNull();
    expect(owed.textContent).toContain('kvar');
    expect(sentAtField().value).toBe('');
    const before = toLocalInput(new Date()).replace('T', ' ');
    fireEvent.click(screen.getByRole('button', { name: 'Nu: När skickades kompletteringen till IMY?' }));
    expect([before, toLocalInput(new Date()).replace('T', ' ')]).toContain(sentAtField().value);
    expect(sentAtField().required).toBe(true);
    expect(screen.getByRole('form', { name: 'Komplettering till IMY' })).toBeTruthy();
  });

  it('marks an overdue supplement as overdue', () => {
    renderTab(<ImyNoticePanel {...panel({ supplementDueAt: DUE_PAST })} />);
    const owed = screen.getByTestId('imy-supplement');
    expect(within(owed).getByText('Komplettering till IMY ska skickas senast 2020-01-15 09:00')).toBeTruthy();
    expect(owed.querySelector('[data-supplement="overdue"]')).not.toBeNull();
    expect(owed.querySelector('[data-supplement="owed"]')).toBeNull();
    expect(owed.textContent).toContain('försenad');
    expect(owed.textContent).toContain('Fyra veckor har gått sedan anmälan.');
  });

  it('says it in English in English', () => {
    renderTab(<ImyNoticePanel {...panel()} />, { locale: 'en' });
    expect(screen.getByText('The supplement to IMY must be sent by 2099-07-01 10:00')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record the supplement' })).toBeTruthy();
    expect(screen.getByLabelText(/^When was the supplement sent to IMY\?/)).toBeTruthy();
  });

  it('shows nothing about supplements when the notice was not phased', () => {
    const notice = { notifiedAt: NOTIFIED_AT, phased: false, recordedAt: NOTIFIED_AT, recordedBy: dpo };
    renderTab(<ImyNoticePanel {...panel({ incident: phased({ imyNotice: notice }), supplementDueAt: null })} />);
    expect(screen.getByTestId('imy-recorded')).toBeTruthy();
    expect(screen.queryByTestId('imy-supplement')).toBeNull();
    expect(screen.queryByText(/Komplettering/)).toBeNull();
  });

  it('says the supplements are done, without a form, once the supplement is recorded', () => {
    renderTab(
      <ImyNoticePanel {...panel({ incident: phased({}, '2026-12-01T08:30:00.000Z'), supplementDueAt: null })} />,
    );
    expect(screen.getByTestId('imy-supplement').textContent).toContain(
      'Kompletteringar klara. Kompletteringen skickades till IMY 2026-12-01 09:30.',
    );
    expect(screen.queryByText(/ska skickas senast/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrera komplettering' })).toBeNull();
  });

  it('shows what is owed but no form to whoever may not change the incident', () => {
    renderTab(<ImyNoticePanel {...panel({ canEdit: false })} />);
    expect(screen.getByText('Komplettering till IMY ska skickas senast 2099-07-01 10:00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registrera komplettering' })).toBeNull();
  });

  it('shows the API’s field message on the time field when the supplement is refused as invalid', async () => {
    const change = jest.fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>().mockRejectedValue(
      new ApiError(400, 'validation_failed', 'Kompletteringen kan inte ha skickats före anmälan till IMY.', [
        {
          field: 'sentAt',
          code: 'before_notice',
          message: 'Kompletteringen kan inte ha skickats före anmälan till IMY.',
        },
      ]),
    );
    const onChanged = jest.fn();
    renderTab(<ImyNoticePanel {...panel({ onChanged })} />, { api: fakeApi({ change }) });
    fireEvent.change(sentAtField(), { target: { value: '2026-11-19T08:00' } });
    fireEvent.click(recordButton());
    await screen.findByText('Kompletteringen kan inte ha skickats före anmälan till IMY.');
    expect(sentAtField().getAttribute('aria-invalid')).toBe('true');
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.queryByText('Ändringen kunde inte sparas')).toBeNull();
  });
});

describe('recording the supplement on the incident page', () => {
  afterEach(cleanup);

  const owedDetails = (): IncidentDetails => ({
    incident: phased(),
    events: [
      anEvent('reported', '2026-11-20T09:00:00.000Z'),
      anEvent('imy-notified', NOTIFIED_AT, { reference: null, phased: true, late: false }),
    ],
    duties: null,
    findings: [],
    supplementDueAt: DUE_AHEAD,
  });

  it('posts the time as a UTC instant with the etag it read, then shows the supplements done and the timeline entry', async () => {
    const supplemented = phased({ etag: 'etag-2' }, '2026-12-01T08:30:00.000Z');
    const doneDetails: IncidentDetails = {
      ...owedDetails(),
      incident: supplemented,
      events: [
        ...owedDetails().events,
        anEvent('imy-supplement-recorded', '2026-12-01T08:31:00.000Z', { late: false }),
      ],
      supplementDueAt: null,
    };
    const incident = jest
      .fn<ReturnType<PuiApi['incident']>, Parameters<PuiApi['incident']>>()
      .mockResolvedValueOnce(owedDetails())
      .mockResolvedValue(doneDetails);
    const change = jest
      .fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>()
      .mockResolvedValue(supplemented);
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, { api: fakeApi({ incident, change }) });

    await screen.findByText('Komplettering till IMY ska skickas senast 2099-07-01 10:00');
    expect(screen.getByTestId('timeline').textContent).not.toContain('Komplettering till IMY registrerad');
    fireEvent.change(sentAtField(), { target: { value: '2026-12-01T09:30' } });
    fireEvent.click(recordButton());

    await waitFor(() =>
      expect(screen.getByTestId('timeline').textContent).toContain('Komplettering till IMY registrerad'),
    );
    expect(change).toHaveBeenCalledTimes(1);
    expect(change).toHaveBeenCalledWith('inc-1', 'imy-supplement', { sentAt: '2026-12-01T08:30:00.000Z' }, 'etag-1');
    expect(screen.getByTestId('imy-supplement').textContent).toContain(
      'Kompletteringar klara. Kompletteringen skickades till IMY 2026-12-01 09:30.',
    );
    expect(screen.queryByText(/ska skickas senast/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrera komplettering' })).toBeNull();
    expect(within(screen.getByTestId('imy-supplement')).getByRole('status').textContent).toBe('Sparat.');
  });

  it('explains a conflict (412) with a reload, keeps the typed time and records nothing', async () => {
    const incident = jest
      .fn<ReturnType<PuiApi['incident']>, Parameters<PuiApi['incident']>>()
      .mockResolvedValue(owedDetails());
    const change = jest
      .fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>()
      .mockRejectedValue(new ApiError(412, 'conflict', 'Någon annan har ändrat incidenten sedan du öppnade den.'));
    renderTab(<IncidentPage idOrNumber="PUI-2026-0001" />, { api: fakeApi({ incident, change }) });

    await screen.findByText('Komplettering till IMY ska skickas senast 2099-07-01 10:00');
    fireEvent.change(sentAtField(), { target: { value: '2026-12-01T09:30' } });
    fireEvent.click(recordButton());

    const conflict = await screen.findByTestId('conflict-message');
    expect(screen.getByTestId('imy-supplement').contains(conflict)).toBe(true);
    expect(conflict.textContent).toContain('Någon annan hann före');
    expect(conflict.textContent).toContain('Din ändring sparades inte, och ingenting skrevs över.');
    expect(sentAtField().value).toBe('2026-12-01 09:30');
    expect(screen.queryByText(/Kompletteringar klara/)).toBeNull();

    fireEvent.click(within(conflict).getByRole('button', { name: 'Ladda om incidenten' }));
    await waitFor(() => expect(incident).toHaveBeenCalledTimes(2));
  });
});

describe('Timeline', () => {
  afterEach(cleanup);

  it('names the supplement event, and says when it was sent after the four weeks', () => {
    renderTab(
      <Timeline
        events={[
          anEvent('imy-notified', NOTIFIED_AT, { reference: 'IMY-2026-1234', phased: true, late: false }),
          { ...anEvent('imy-supplement-recorded', '2026-12-01T08:31:00.000Z', { late: false }), id: 'ev-on-time' },
          { ...anEvent('imy-supplement-recorded', '2026-12-20T08:31:00.000Z', { late: true }), id: 'ev-late' },
        ]}
      />,
    );
    const items = within(screen.getByTestId('timeline'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[1]).toBe('2026-12-01 09:31Komplettering till IMY registrerad av Dana Dataskydd');
    expect(items[2]).toBe(
      '2026-12-20 09:31Komplettering till IMY registrerad: efter fyraveckorsfristen av Dana Dataskydd',
    );
  });
});
