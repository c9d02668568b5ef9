/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { EndedPanel } from '../../src/tab/incident/ended-panel';
import { changeMock, fieldRefusal, PanelHarness, staleEtag } from './support/panel-harness';
import { anIncident, fakeApi, renderTab } from './support/tab-fixtures';

const endedAtField = () => screen.getByLabelText(/^När upphörde incidenten\?/) as HTMLInputElement;
const recordButton = () => screen.getByRole('button', { name: 'Registrera tidpunkten' });
const section = () => document.querySelector('[data-section="ended"]') as HTMLElement;

describe('EndedPanel', () => {
  afterEach(cleanup);

  it('says the end is not recorded, in a labelled form', () => {
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident()} />);
    expect(screen.getByTestId('ended-recorded').textContent).toBe(
      'Inte registrerat: incidenten pågår, eller så är tidpunkten okänd.',
    );
    expect(screen.getByRole('form', { name: 'Incidentens slut' })).toBeTruthy();
    expect(endedAtField().required).toBe(true);
  });

  it('starts empty, not at "now": sends nothing until a time is given, and "Nu" fills in the current Swedish time', () => {
    const change = changeMock();
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    expect(endedAtField().value).toBe('');
    fireEvent.click(recordButton());
    expect(change).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Fyll i fälten som är markerade med * och försök igen. Ingenting har sparats.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Nu: När upphörde incidenten?' }));
    expect(endedAtField().value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('posts the end as a UTC instant with the etag it read, then shows it recorded', async () => {
    const change = changeMock().mockResolvedValue(anIncident({ etag: 'etag-2', endedAt: '2026-11-20T07:15:00.000Z' }));
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(endedAtField(), { target: { value: '2026-11-20T08:15' } });
    fireEvent.click(recordButton());

    await screen.findByText('Sparat.');
    expect(change).toHaveBeenCalledWith('inc-1', 'ended', { endedAt: '2026-11-20T07:15:00.000Z' }, 'etag-1');
    expect(screen.getByTestId('ended-recorded').textContent).toBe('Incidenten upphörde 2026-11-20 08:15.');
  });

  it('starts from the recorded end when there is one', () => {
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident({ endedAt: '2026-11-20T07:15:00.000Z' })} />);
    expect(endedAtField().value).toBe('2026-11-20 08:15');
  });

  it("shows the API's message on the field when the end is before the occurrence", async () => {
    const message = 'Incidenten kan inte ha upphört innan den inträffade. Kontrollera datum och klockslag.';
    const change = changeMock().mockRejectedValue(fieldRefusal('endedAt', 'ended_before_occurred', message));
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident({ occurredAt: '2026-11-20T08:00:00.000Z' })} />, {
      api: fakeApi({ change }),
    });
    fireEvent.change(endedAtField(), { target: { value: '2026-11-20T08:30' } });
    fireEvent.click(recordButton());

    await screen.findByText(message);
    expect(change.mock.calls[0][2]).toEqual({ endedAt: '2026-11-20T07:30:00.000Z' });
    expect(endedAtField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('ended-recorded').textContent).toContain('Inte registrerat');
  });

  it('explains a conflict (412) in the panel and keeps the typed time', async () => {
    const change = changeMock().mockRejectedValue(staleEtag());
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(endedAtField(), { target: { value: '2026-11-20T08:15' } });
    fireEvent.click(recordButton());

    const conflict = await screen.findByTestId('conflict-message');
    expect(section().contains(conflict)).toBe(true);
    expect(within(conflict).getByRole('button', { name: 'Ladda om incidenten' })).toBeTruthy();
    expect(endedAtField().value).toBe('2026-11-20 08:15');
    expect(screen.getByTestId('ended-recorded').textContent).toContain('Inte registrerat');
  });

  it('speaks English in English', () => {
    renderTab(<PanelHarness panel={EndedPanel} initial={anIncident({ endedAt: '2026-11-20T07:15:00.000Z' })} />, {
      locale: 'en',
    });
    expect(screen.getByTestId('ended-recorded').textContent).toBe('The breach ended 2026-11-20 08:15.');
    expect(screen.getByLabelText(/^When did the breach end\?/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record the time' })).toBeTruthy();
  });
});
