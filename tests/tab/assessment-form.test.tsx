/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { AssessmentForm } from '../../src/tab/incident/assessment-panel';
import type { PanelProps } from '../../src/tab/incident/panel';
import { anIncident, fakeApi, renderTab } from './support/tab-fixtures';

function panel(overrides: Partial<PanelProps> = {}): PanelProps {
  return { incident: anIncident({ dataCategories: ['contact'], breachTypes: ['confidentiality'], affectedCount: 1 }), canEdit: true, onChanged: jest.fn(), onReload: jest.fn(), reloading: false, ...overrides };
}

const suggestion = () => screen.getByTestId('severity-suggestion').textContent;
const result = () => screen.getByTestId('severity-result').textContent;

describe('AssessmentForm', () => {
  afterEach(cleanup);

  it('suggests "unlikely" for contact details sent to a known recipient, and shows the formula', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    expect(result()).toContain('SE = 1 × 0,75 + 0,25 = 1');
    expect(result()).toContain('Allvarlighetsgrad: låg.');
    expect(suggestion()).toBe('Förslag: Osannolikt att den medför en risk.');
  });

  it('changes the suggestion as the DPO works through the factors', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    fireEvent.click(screen.getByLabelText('Känsliga uppgifter: hälsa, socialtjänst, lagöverträdelser, skyddad identitet (4)'));
    expect(result()).toContain('SE = 4 × 0,75 + 0,25 = 3,25');
    expect(suggestion()).toBe('Förslag: Medför en hög risk.');

    fireEvent.click(screen.getByLabelText('Uppgifterna var redan offentliga eller oläsliga för mottagaren, t.ex. krypterade (−1)'));
    expect(result()).toContain('SE = 3 × 0,75 + 0,25 = 2,5');
    expect(suggestion()).toBe('Förslag: Medför en risk.');
    expect((screen.getByLabelText('Medför en risk') as HTMLInputElement).checked).toBe(true);
  });

  it('scores the volume of data and the number of people as two factors', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    fireEvent.click(screen.getByLabelText('Stor mängd uppgifter om varje person, t.ex. hela akter (+1)'));
    expect(result()).toContain('SE = 2 × 0,75 + 0,25 = 1,75');
    fireEvent.click(screen.getByLabelText('Många berörda personer (+1)'));
    expect(result()).toContain('SE = 3 × 0,75 + 0,25 = 2,5');
    expect(suggestion()).toBe('Förslag: Medför en risk.');
  });

  it('asks for an explanation when the DPO departs from the suggestion', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    expect(screen.queryByTestId('departs')).toBeNull();
    fireEvent.click(screen.getByLabelText('Medför en risk'));
    expect(screen.getByTestId('departs').textContent).toBe('Du gör en annan bedömning än förslaget. Förklara varför i motiveringen.');
  });

  it('sends the confirmed level, the rationale and the ENISA figures with the etag it read', async () => {
    const next = anIncident({ etag: 'etag-2' });
    const change = jest.fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>().mockResolvedValue(next);
    const onChanged = jest.fn();
    renderTab(<AssessmentForm panel={panel({ onChanged })} />, { api: fakeApi({ change }) });
    fireEvent.change(screen.getByLabelText(/^Motivering/), { target: { value: 'Endast kontaktuppgifter till en känd mottagare som raderat.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(next));
    expect(change).toHaveBeenCalledWith('inc-1', 'assessment', {
      risk: 'unlikely',
      rationale: 'Endast kontaktuppgifter till en känd mottagare som raderat.',
      severity: { dpc: 1, ei: 0.75, cb: 0.25, score: 1 },
    }, 'etag-1');
  });
});
