/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import { AccessLogSection } from '../../src/tab/incident/access-log-section';
import { fakeApi, renderTab } from './support/tab-fixtures';

describe('AccessLogSection', () => {
  afterEach(cleanup);

  it('lists who opened the incident and who took out a document, newest first, as the API gives it', async () => {
    const asked: string[] = [];
    const api = fakeApi({
      accessLog: async (id) => {
        asked.push(id);
        return {
          items: [
            {
              id: 'r3',
              at: '2026-11-20T10:30:00.000Z',
              actorId: 'dpo-1',
              actorName: 'Dana Dataskydd',
              actorRole: 'dpo',
              incidentId: 'inc-1',
              view: 'document',
              target: 'art34-letter.docx',
            },
            {
              id: 'r2',
              at: '2026-11-20T10:00:00.000Z',
              actorId: 'dpo-1',
              actorName: 'Dana Dataskydd',
              actorRole: 'dpo',
              incidentId: 'inc-1',
              view: 'document',
              target: 'imy-notice',
            },
            {
              id: 'r1',
              at: '2026-11-20T09:00:00.000Z',
              actorId: 'rep-1',
              actorName: 'Anna Handläggare',
              actorRole: 'reporter',
              incidentId: 'inc-1',
              view: 'incident-details',
              target: null,
            },
          ],
        };
      },
    });

    renderTab(<AccessLogSection incidentId="inc-1" />, { api });

    const list = await screen.findByTestId('access-log');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '2026-11-20 11:30Tog ut dokument (brevet till de registrerade, Word): Dana Dataskydd (dataskyddsombud)',
      '2026-11-20 11:00Tog ut dokument (texten till IMY): Dana Dataskydd (dataskyddsombud)',
      '2026-11-20 10:00Öppnade incidenten: Anna Handläggare (rapportör)',
    ]);
    expect(asked).toEqual(['inc-1']);
  });

  it('says so when nobody has opened it, and when the log cannot be had (in English too)', async () => {
    renderTab(<AccessLogSection incidentId="inc-1" />);
    expect(await screen.findByText('Ingen har öppnat incidenten än.')).toBeTruthy();
    cleanup();
    renderTab(<AccessLogSection incidentId="inc-1" />, {
      api: fakeApi({ accessLog: () => Promise.reject(new Error('503')) }),
      locale: 'en',
    });
    expect((await screen.findByRole('alert')).textContent).toBe('The log could not be loaded. Try again later.');
  });
});
