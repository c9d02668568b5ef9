/** @jest-environment jsdom */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { AssessmentForm } from '../../src/tab/incident/assessment-form';
import type { PanelProps } from '../../src/tab/incident/panel';
import { anIncident, fakeApi, renderTab } from './support/tab-fixtures';

function panel(overrides: Partial<PanelProps> = {}): PanelProps {
  return {
    incident: anIncident({ dataCategories: ['contact'], breachTypes: ['confidentiality'], affectedCount: 1 }),
    canEdit: true,
    onChanged: jest.fn(),
    onReload: jest.fn(),
    reloading: false,
    ...overrides,
  };
}

const suggestion = () => screen.getByTestId('severity-suggestion').textContent;
const result = () => screen.getByTestId('severity-result').textContent;
const checked = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).checked;
const RISKS = ['Osannolikt att den medför en risk', 'Medför en risk', 'Medför en hög risk'];
const chooseSignificantEi = () =>
  fireEvent.click(screen.getByLabelText('Betydande – går med viss annan information (0,75)'));

describe('AssessmentForm', () => {
  afterEach(cleanup);

  it('pre-sets nothing for a report with nothing ticked: no factor, no score, no suggestion, no chosen answer', () => {
    renderTab(
      <AssessmentForm
        panel={panel({
          incident: anIncident({ dataCategories: [], breachTypes: [], affectedCount: undefined, cause: undefined }),
        })}
      />,
    );
    expect(screen.queryByTestId('severity-suggestion')).toBeNull();
    expect(result()).toBe(
      'Välj konfidentialitet, riktighet, tillgänglighet, uppgifternas art, hur lätt personerna kan identifieras för att räkna fram allvarlighetsgraden och få ett förslag.',
    );
    for (const risk of RISKS) expect(checked(risk)).toBe(false);
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.length).toBeGreaterThan(10);
    expect(radios.filter((r) => r.checked)).toEqual([]);
  });

  it('starts from what the report says and asks for the rest, then suggests "unlikely" for contact details sent to a known recipient', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    expect(result()).toBe(
      'Välj hur lätt personerna kan identifieras för att räkna fram allvarlighetsgraden och få ett förslag.',
    );
    chooseSignificantEi();
    expect(result()).toContain('SE = 1 × 0,75 + 0,25 = 1');
    expect(result()).toContain('Allvarlighetsgrad: låg.');
    expect(suggestion()).toBe('Förslag: Osannolikt att den medför en risk.');
    for (const risk of RISKS) expect(checked(risk)).toBe(false);
  });

  it('changes the suggestion as the DPO works through the factors, and never chooses for them', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    chooseSignificantEi();
    fireEvent.click(
      screen.getByLabelText('Känsliga uppgifter: hälsa, socialtjänst, lagöverträdelser, skyddad identitet (4)'),
    );
    expect(result()).toContain('SE = 4 × 0,75 + 0,25 = 3,25');
    expect(suggestion()).toBe('Förslag: Medför en hög risk.');

    fireEvent.click(
      screen.getByLabelText('Uppgifterna var redan offentliga eller oläsliga för mottagaren, t.ex. krypterade (−1)'),
    );
    expect(result()).toContain('SE = 3 × 0,75 + 0,25 = 2,5');
    expect(suggestion()).toBe('Förslag: Medför en risk.');
    expect(checked('Medför en risk')).toBe(false);
  });

  it('scores the volume of data and the number of people as two factors', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    chooseSignificantEi();
    fireEvent.click(screen.getByLabelText('Stor mängd uppgifter om varje person, t.ex. hela akter (+1)'));
    expect(result()).toContain('SE = 2 × 0,75 + 0,25 = 1,75');
    fireEvent.click(screen.getByLabelText('Många berörda personer (+1)'));
    expect(result()).toContain('SE = 3 × 0,75 + 0,25 = 2,5');
    expect(suggestion()).toBe('Förslag: Medför en risk.');
  });

  it('asks for an explanation when the DPO departs from the suggestion', () => {
    renderTab(<AssessmentForm panel={panel()} />);
    chooseSignificantEi();
    fireEvent.click(screen.getByLabelText('Osannolikt att den medför en risk'));
    expect(screen.queryByTestId('departs')).toBeNull();
    fireEvent.click(screen.getByLabelText('Medför en risk'));
    expect(screen.getByTestId('departs').textContent).toBe(
      'Du gör en annan bedömning än förslaget. Förklara varför i motiveringen.',
    );
  });

  it('sends nothing until the DPO has chosen a level', () => {
    const change = jest.fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>();
    renderTab(<AssessmentForm panel={panel()} />, { api: fakeApi({ change }) });
    fireEvent.change(screen.getByLabelText(/^Motivering/), { target: { value: 'Endast kontaktuppgifter.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));
    expect(change).not.toHaveBeenCalled();
    expect(screen.getByText('Välj din bedömning av risken.')).toBeTruthy();
  });

  it('sends the chosen level, the rationale, the ENISA figures and the breach types judged, with the etag it read', async () => {
    const next = anIncident({ etag: 'etag-2' });
    const change = jest.fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>().mockResolvedValue(next);
    const onChanged = jest.fn();
    renderTab(<AssessmentForm panel={panel({ onChanged })} />, { api: fakeApi({ change }) });
    chooseSignificantEi();
    fireEvent.click(screen.getByLabelText('Osannolikt att den medför en risk'));
    fireEvent.change(screen.getByLabelText(/^Motivering/), {
      target: { value: 'Endast kontaktuppgifter till en känd mottagare som raderat.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(next));
    expect(change).toHaveBeenCalledWith(
      'inc-1',
      'assessment',
      {
        risk: 'unlikely',
        rationale: 'Endast kontaktuppgifter till en känd mottagare som raderat.',
        severity: { dpc: 1, ei: 0.75, cb: 0.25, score: 1 },
        breachTypes: ['confidentiality'],
      },
      'etag-1',
    );
  });

  it('records confidentiality ticked in the assessment as a breach type, although the report named none', async () => {
    const change = jest
      .fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>()
      .mockResolvedValue(anIncident({ etag: 'etag-2' }));
    renderTab(<AssessmentForm panel={panel({ incident: anIncident({ breachTypes: [] }) })} />, {
      api: fakeApi({ change }),
    });
    fireEvent.click(screen.getByLabelText('Ja, till kända eller ett fåtal mottagare (+0,25)'));
    // Integrity and availability: no.
    for (const no of screen.getAllByLabelText('Nej (+0)').slice(1)) fireEvent.click(no);
    fireEvent.click(screen.getByLabelText('Medför en risk'));
    fireEvent.change(screen.getByLabelText(/^Motivering/), {
      target: { value: 'Sekretessbelagda uppgifter till fel mottagare.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Bekräfta bedömningen' }));
    await waitFor(() => expect(change).toHaveBeenCalled());
    expect(change.mock.calls[0][2]).toMatchObject({ risk: 'risk', breachTypes: ['confidentiality'] });
  });
});
