/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import type { AuditEvent } from '../../src/web/api-contract';
import { Timeline } from '../../src/tab/incident/timeline';
import { DPO, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const event = (type: AuditEvent['type'], at: string, data: AuditEvent['data']): AuditEvent => ({
  id: `ev-${type}`,
  incidentId: 'inc-1',
  at,
  actor: dpo,
  type,
  data,
});
const events = [
  event('awareness-recorded', '2026-11-20T15:00:00.000Z', {
    previousAwareAt: '2026-11-20T09:00:00.000Z',
    awareAt: '2026-11-20T13:00:00.000Z',
    deadline: '2026-11-23T13:00:00.000Z',
  }),
  event('ended-recorded', '2026-11-20T15:05:00.000Z', { endedAt: '2026-11-20T07:15:00.000Z' }),
  event('police-report-recorded', '2026-11-20T15:10:00.000Z', { reference: 'K123456-26' }),
];
const items = () =>
  within(screen.getByTestId('timeline'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('Timeline', () => {
  afterEach(cleanup);

  it('names the awareness, the end and the police report, with their times and reference', () => {
    renderTab(<Timeline events={events} />);
    expect(items()).toEqual([
      '2026-11-20 16:00Tidpunkt för kännedom ändrad: 2026-11-20 10:00 → 2026-11-20 14:00 av Dana Dataskydd',
      '2026-11-20 16:05Tidpunkt när incidenten upphörde registrerad: 2026-11-20 08:15 av Dana Dataskydd',
      '2026-11-20 16:10Polisanmälan registrerad: K123456-26 av Dana Dataskydd',
    ]);
  });

  it('names them in English in English', () => {
    renderTab(<Timeline events={events} />, { locale: 'en' });
    expect(items()).toEqual([
      '2026-11-20 16:00Time of awareness changed: 2026-11-20 10:00 → 2026-11-20 14:00 by Dana Dataskydd',
      '2026-11-20 16:05Time the breach ended recorded: 2026-11-20 08:15 by Dana Dataskydd',
      '2026-11-20 16:10Police report recorded: K123456-26 by Dana Dataskydd',
    ]);
  });
});
