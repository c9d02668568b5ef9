import { clockText } from '../../../bot/cards/labels';
import { anIncident } from '../support/incidents';

const DEADLINE = '2026-11-21T08:00:00.000Z';
const at = (msBeforeDeadline: number) => new Date(Date.parse(DEADLINE) - msBeforeDeadline);

describe('clockText', () => {
  const incident = anIncident({ deadline: DEADLINE });

  it('says overdue, in the attention colour, exactly at the deadline', () => {
    expect(clockText(incident, at(0))).toEqual({ text: 'försenad mindre än 1 min', color: 'attention' });
  });

  it('says overdue one millisecond after the deadline', () => {
    expect(clockText(incident, at(-1))).toEqual({ text: 'försenad mindre än 1 min', color: 'attention' });
  });

  it('says less than a minute left, not "0 min", 30 seconds before the deadline', () => {
    expect(clockText(incident, at(30_000))).toEqual({ text: 'mindre än 1 min kvar', color: 'attention' });
  });

  it('counts whole minutes again from one minute before the deadline', () => {
    expect(clockText(incident, at(60_000))).toEqual({ text: '1 min kvar', color: 'attention' });
    expect(clockText(incident, at(-60_000))).toEqual({ text: 'försenad 1 min', color: 'attention' });
  });

  it('uses only colours that read on white: attention under 24 hours, default from 24 hours', () => {
    expect(clockText(incident, at(23 * 3600_000)).color).toBe('attention');
    expect(clockText(incident, at(24 * 3600_000))).toEqual({ text: '1 d kvar', color: 'default' });
    expect(clockText(anIncident({ status: 'closed' }), at(0))).toEqual({ text: 'Avslutad', color: 'default' });
  });

  it('speaks English on an English card', () => {
    expect(clockText(incident, at(3 * 3600_000), 'en')).toEqual({ text: '3 h left', color: 'attention' });
    expect(clockText(incident, at(-3600_000), 'en').text).toBe('overdue by 1 h');
    expect(clockText(anIncident({ status: 'closed' }), at(0), 'en').text).toBe('Closed');
  });
});

describe('clockText for a linked report', () => {
  it('says the clock follows the main incident, whatever its own deadline', () => {
    const linked = anIncident({
      deadline: DEADLINE,
      linkedTo: {
        id: 'main',
        number: 'PUI-2026-0001',
        linkedAt: '2026-11-20T08:00:00.000Z',
        linkedBy: { id: 'd', name: 'D' },
      },
    });
    expect(clockText(linked, at(-3600_000))).toEqual({ text: 'Klockan följer PUI-2026-0001', color: 'default' });
  });
});
