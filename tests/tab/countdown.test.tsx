/** @jest-environment jsdom */
import { act, cleanup, screen } from '@testing-library/react';
import { Countdown, useNow, type ClockedIncident } from '../../src/tab/components/countdown';
import { anIncident, renderTab } from './support/tab-fixtures';

function LiveClock({ incident }: { incident: ClockedIncident }) {
  const now = useNow(30_000);
  return (
    <p data-testid="clock">
      <Countdown incident={incident} now={now} />
    </p>
  );
}

const clock = () => screen.getByTestId('clock');
const state = () => clock().querySelector('[data-clock]')?.getAttribute('data-clock');

describe('Countdown', () => {
  afterEach(() => {
    cleanup();
    jest.useRealTimers();
  });

  it('counts down live and turns to overdue once the deadline passes', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T08:00:00.000Z') });
    renderTab(<LiveClock incident={anIncident({ deadline: '2026-11-23T09:00:30.000Z' })} />);
    expect(clock().textContent).toBe('1 h kvar');
    expect(state()).toBe('running');

    act(() => jest.advanceTimersByTime(31 * 60_000));
    expect(clock().textContent).toBe('29 min kvar');

    act(() => jest.advanceTimersByTime(90 * 60_000));
    expect(clock().textContent).toBe('⚠ försenad 1 h');
    expect(state()).toBe('overdue');
  });

  it('is overdue from the deadline itself, and says less than a minute in the last minute, like the bot card', () => {
    const incident = anIncident({ deadline: '2026-11-23T09:00:00.000Z' });
    renderTab(
      <p data-testid="clock">
        <Countdown incident={incident} now={new Date('2026-11-23T08:59:30.000Z')} />
      </p>,
    );
    expect(clock().textContent).toBe('mindre än 1 min kvar');
    expect(state()).toBe('running');
    cleanup();
    renderTab(
      <p data-testid="clock">
        <Countdown incident={incident} now={new Date('2026-11-23T09:00:00.000Z')} />
      </p>,
    );
    expect(clock().textContent).toBe('⚠ försenad mindre än 1 min');
    expect(state()).toBe('overdue');
  });

  it('says why the clock has stopped instead of counting', () => {
    const now = new Date('2026-11-30T08:00:00.000Z');
    renderTab(
      <>
        <Countdown
          incident={anIncident({
            status: 'notified',
            imyNotice: {
              phased: false,
              recordedAt: '',
              recordedBy: { id: 'd', name: 'D' },
              notifiedAt: '2026-11-21T08:00:00.000Z',
            },
          })}
          now={now}
        />
        <Countdown
          incident={anIncident({
            status: 'not-required',
            assessment: { risk: 'unlikely', rationale: 'r', assessedAt: '', assessedBy: { id: 'd', name: 'D' } },
          })}
          now={now}
        />
      </>,
    );
    expect(screen.getByText('Anmäld till IMY')).toBeTruthy();
    expect(screen.getByText('Anmälan krävs inte')).toBeTruthy();
    expect(document.querySelector('[data-clock="overdue"]')).toBeNull();
  });

  it('speaks English in English', () => {
    renderTab(
      <Countdown
        incident={anIncident({ deadline: '2026-11-20T09:00:00.000Z' })}
        now={new Date('2026-11-20T12:00:00.000Z')}
      />,
      { locale: 'en' },
    );
    expect(screen.getByText(/overdue by 3 h/)).toBeTruthy();
  });
});
