/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import { RegisterPage } from '../../src/tab/register/register-page';
import { SendCheckSection } from '../../src/tab/register/send-check-section';
import type { SendCheckMonth } from '../../src/web/api-contract';
import { fakeApi, renderTab } from './support/tab-fixtures';

function months(filled: Record<string, [fired: number, changed: number, sentAnyway?: number]>): {
  months: SendCheckMonth[];
} {
  const all = ['2026-10', '2026-11', '2026-12'];
  return {
    months: all.map((month) => {
      const [fired, changed, sentAnyway = 0] = filled[month] ?? [0, 0];
      return { month, fired, changed, sentAnyway, sentAnywayAtMost: Math.max(sentAnyway, fired - changed, 0) };
    }),
  };
}

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th,td')].map((cell) => cell.textContent ?? ''));
}

describe('SendCheckSection (Varning vid Skicka)', () => {
  afterEach(cleanup);

  it('shows the months newest first with fired, changed and at most sent anyway, as a table with headers', async () => {
    renderTab(<SendCheckSection />, {
      api: fakeApi({ sendCheckCounts: async () => months({ '2026-12': [5, 2, 1], '2026-10': [1, 0] }) }),
    });
    const table = await screen.findByRole('table', { name: 'Varningar de senaste tolv månaderna' });
    expect(rows(table)).toEqual([
      ['Månad', 'Varnade mejl', 'Ändrade efter varningen', 'Skickade ändå (minst)', 'Skickade ändå (högst)'],
      ['december 2026', '5', '2', '1', '3'],
      ['november 2026', '0', '0', '0', '0'],
      ['oktober 2026', '1', '0', '0', '1'],
    ]);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['december 2026', 'november 2026', 'oktober 2026']);
    expect(screen.getByRole('heading', { level: 2, name: 'Varning vid Skicka' })).toBeTruthy();
    expect(screen.getByText(/siffran är ett tak/)).toBeTruthy();
    expect(screen.queryByText('Varningen har inte visats under perioden.')).toBeNull();
  });

  it('speaks English, and says when the alert was not shown at all', async () => {
    renderTab(<SendCheckSection />, { api: fakeApi({ sendCheckCounts: async () => months({}) }), locale: 'en' });
    const table = await screen.findByRole('table', { name: 'Alerts in the last twelve months' });
    expect(rows(table)[0]).toEqual([
      'Month',
      'Mails alerted on',
      'Changed after the alert',
      'Sent anyway (at least)',
      'Sent anyway (at most)',
    ]);
    expect(rows(table)[1][0]).toBe('December 2026');
    expect(screen.getByText('The alert was not shown in the period.')).toBeTruthy();
  });

  it('shows the API’s refusal with a retry, and no numbers', async () => {
    renderTab(<SendCheckSection />, {
      api: fakeApi({ sendCheckCounts: () => Promise.reject(new Error('Du har inte behörighet att göra detta.')) }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Du har inte behörighet att göra detta.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sits on the register page', async () => {
    renderTab(<RegisterPage />, {
      api: fakeApi({
        sendCheckCounts: async () => months({ '2026-12': [4, 1] }),
        registerFindings: async () => [],
        registerReport: () => new Promise(() => {}),
        // The page's other sections wait; only this one answers.
        retention: () => new Promise(() => {}),
      }),
    });
    const table = await screen.findByTestId('send-check-counts');
    expect(rows(table)[1]).toEqual(['december 2026', '4', '1', '0', '3']);
  });
});
