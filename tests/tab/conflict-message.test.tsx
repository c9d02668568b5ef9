/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { ApiError } from '../../src/web/api-client';
import type { Incident } from '../../src/web/api-contract';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { ChangeError, ConflictMessage } from '../../src/tab/components/change-error';
import { AssessmentForm } from '../../src/tab/incident/assessment-form';
import { anIncident, fakeApi, renderTab } from './support/tab-fixtures';

const stale = () => new ApiError(412, 'conflict', 'Någon annan har ändrat incidenten sedan du öppnade den.');

describe('ConflictMessage', () => {
  afterEach(cleanup);

  it('explains that nothing was overwritten and offers a reload', () => {
    const onReload = jest.fn();
    renderTab(<ConflictMessage onReload={onReload} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Någon annan hann före')).toBeTruthy();
    expect(alert.textContent).toContain('Din ändring sparades inte, och ingenting skrevs över.');
    expect(alert.textContent).toContain('Det du har skrivit i formuläret finns kvar.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Ladda om incidenten' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('names the latest change once it is known', () => {
    renderTab(
      <ConflictMessage
        onReload={jest.fn()}
        latest={{ what: 'Risken bedömd', who: 'Olle Ombud', when: '2026-11-23 10:15' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'Senaste ändringen: Risken bedömd av Olle Ombud, 2026-11-23 10:15.',
    );
  });

  it("shows other failures in the server's own words", () => {
    renderTab(
      <ChangeError
        error={new ApiError(409, 'invalid_state', 'PUI-2026-0001 är avslutad och kan inte ändras.')}
        onReload={jest.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('PUI-2026-0001 är avslutad och kan inte ändras.');
    expect(screen.queryByText('Någon annan hann före')).toBeNull();
  });

  it('speaks English in English', () => {
    renderTab(<ConflictMessage onReload={jest.fn()} />, { locale: 'en' });
    expect(screen.getByText('Someone else got there first')).toBeTruthy();
  });
});

describe('an edit conflict in the assessment', () => {
  afterEach(cleanup);

  /** The incident page in miniature: holds the incident and reloads it on request. */
  function Page({ reloadTo }: { reloadTo: Incident }) {
    const [incident, setIncident] = useState(anIncident({ dataCategories: ['contact'] }));
    return (
      <>
        <span data-testid="etag">{incident.etag}</span>
        <AssessmentForm
          panel={{
            incident,
            canEdit: true,
            onChanged: setIncident,
            onReload: () => setIncident(reloadTo),
            reloading: false,
            latest: { what: 'Risken bedömd', who: 'Olle Ombud', when: '2026-11-23 10:15' },
          }}
        />
      </>
    );
  }

  it('is caught: the message explains it, the typed rationale is kept, and the retry names the new etag', async () => {
    const change = jest
      .fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>()
      .mockRejectedValueOnce(stale())
      .mockResolvedValueOnce(anIncident({ etag: 'etag-3' }));
    renderTab(<Page reloadTo={anIncident({ etag: 'etag-2', dataCategories: ['contact'] })} />, {
      api: fakeApi({ change }),
    });
    fireEvent.click(screen.getByLabelText('Osannolikt att den medför en risk'));
    fireEvent.change(screen.getByLabelText(/^Motivering/), { target: { value: 'Min motivering' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));

    const alert = await screen.findByTestId('conflict-message');
    expect(alert.textContent).toContain('Någon annan hann före');
    expect(alert.textContent).not.toContain('Olle Ombud');
    fireEvent.click(within(alert).getByRole('button', { name: 'Ladda om incidenten' }));
    expect(screen.getByTestId('etag').textContent).toBe('etag-2');
    expect(screen.getByTestId('conflict-message').textContent).toContain(
      'Senaste ändringen: Risken bedömd av Olle Ombud',
    );
    expect((screen.getByLabelText(/^Motivering/) as HTMLTextAreaElement).value).toBe('Min motivering');

    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));
    await screen.findByText('Sparat.');
    expect(change.mock.calls.map((c) => c[3])).toEqual(['etag-1', 'etag-2']);
    expect(screen.queryByTestId('conflict-message')).toBeNull();
  });
});
