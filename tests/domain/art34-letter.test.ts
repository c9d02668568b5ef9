import { readFileSync } from 'node:fs';
import path from 'node:path';
import { art34Advice, art34LetterItems } from '../../src/domain/art34-letter';
import {
  art34LetterBlocks,
  art34LetterText,
  art34TemplateProblems,
  DEFAULT_ART34_TEMPLATES,
  fillArt34Template,
  letterBlocksText,
} from '../../src/domain/art34-template';
import type { Organisation } from '../../src/domain/organisation';
import { anIncident } from '../support/incident-mother';

const organisation: Organisation = {
  name: 'Socialnämnden i Exempelby kommun',
  number: '212000-0000',
  dpo: { name: 'Dana Dataskydd', email: 'dso@exempelby.se', phone: '010-123 45 67' },
};
const now = new Date('2026-12-03T09:00:00.000Z');

const incident = anIncident({
  title: 'Utredning om Kalle 19121212-1212 till fel mottagare',
  description: 'Utredningen om Kalle Karlsson skickades till kalle.k@example.com.',
  occurredAt: '2026-11-19T23:30:00.000Z',
  endedAt: '2026-11-21T10:00:00.000Z',
  breachTypes: ['confidentiality'],
  dataCategories: ['social-services', 'identity-numbers'],
  cause: 'human-error',
  measures: 'Mottagaren 19121212-1212 har ombetts radera, svar från kalle.k@example.com.',
  assessment: {
    risk: 'high',
    rationale: 'Kalle är ett barn med skyddad adress.',
    assessedAt: '2026-11-20T10:00:00.000Z',
    assessedBy: { id: 'd', name: 'Dana' },
  },
  noticeDetails: {
    subjectCategories: ['clients'],
    consequences: ['secrecy', 'identity-theft'],
    consequencesText: 'Uppgifterna om 19121212-1212 kan spridas vidare.',
    plannedMeasures: 'Ny rutin för att kontrollera mottagare; utbildning.',
    crossBorder: false,
    recordedAt: '2026-11-20T11:00:00.000Z',
    recordedBy: { id: 'd', name: 'Dana' },
  },
});

describe('the art. 34 letter in Swedish', () => {
  const text = art34LetterText(incident, organisation, 'sv', now);

  it('carries every item of art. 34(2): what happened, data, consequences, measures taken and planned, advice, the DPO', () => {
    expect(text).toContain('Socialnämnden i Exempelby kommun\n3 december 2026\nVårt ärendenummer: PUI-2026-0001');
    // The occurrence in Stockholm's calendar (23:30 UTC on the 19th is the 20th in Sweden).
    expect(text).toContain('Den 20 november 2026 inträffade en personuppgiftsincident som rör uppgifter om dig.');
    expect(text).toContain(
      'Uppgifter om dig kan ha blivit tillgängliga för någon som inte skulle ha haft tillgång till dem.',
    );
    expect(text).toContain('Det berodde på ett misstag i hanteringen.');
    expect(text).toContain('Incidenten upphörde den 21 november 2026.');
    expect(text).toContain(
      'Uppgifter som berörs: uppgifter från socialtjänsten, ditt personnummer eller samordningsnummer.',
    );
    expect(text).toContain(
      '## Vad kan det innebära för dig?'.slice(3) +
        '\nRöjande av uppgifter som omfattas av sekretess eller tystnadsplikt; Identitetsstöld eller bedrägeri. Uppgifterna om [personnummer] kan spridas vidare.',
    );
    expect(text).toContain(
      'Vad har vi gjort?\nMottagaren [personnummer] har ombetts radera, svar från [e-postadress].',
    );
    expect(text).toContain('Vad kommer vi att göra?\nNy rutin för att kontrollera mottagare; utbildning.');
    expect(text).toContain('- Var uppmärksam på e-post, sms och samtal');
    expect(text).toContain('- Håll uppsikt över brev om lån, krediter eller köp');
    expect(text).toContain('- Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY)');
    expect(text).toContain(
      'kontakta vårt dataskyddsombud: Dana Dataskydd, dso@exempelby.se, 010-123 45 67. Ange ärendenummer PUI-2026-0001.',
    );
  });

  it('never carries the title, the description, the rationale, names or unmasked identity numbers and addresses', () => {
    expect(text).not.toMatch(/Kalle|1212|kalle\.k|example\.com|skyddad adress|fel mottagare/);
    expect(text).not.toContain(incident.description);
  });

  it('makes up nothing that is not recorded: missing items are brackets to fill in', () => {
    const bare = anIncident({ breachTypes: [], dataCategories: [], measures: undefined, cause: 'unknown' });
    const letter = art34LetterText(bare, { name: 'Kommunen', dpo: {} }, 'sv', now);
    expect(letter).toContain('Den 20 november 2026 upptäckte vi en personuppgiftsincident');
    expect(letter).toContain('[Fyll i: vad som hände med uppgifterna]');
    expect(letter).toContain('Uppgifter som berörs: [Fyll i: vilka uppgifter].');
    expect(letter).toContain('[Fyll i: vad incidenten kan innebära för personen]');
    expect(letter).toContain('[Fyll i: vilka åtgärder som har vidtagits]');
    expect(letter).toContain('[Fyll i: vilka åtgärder som planeras]');
    expect(letter).toContain('[Fyll i: dataskyddsombudets kontaktuppgifter]');
    // An unknown cause and an unknown end are left out rather than guessed.
    expect(letter).not.toMatch(/Det berodde|upphörde/);
  });
});

describe('the art. 34 letter in English', () => {
  const text = art34LetterText(incident, organisation, 'en', now);

  it('carries the same items in English', () => {
    expect(text).toContain('Our reference: PUI-2026-0001');
    expect(text).toContain('3 December 2026');
    expect(text).toContain('On 20 November 2026 a personal data breach occurred that concerns information about you.');
    expect(text).toContain('It was caused by a mistake in handling.');
    expect(text).toContain(
      'Information concerned: information from the social services, your personal identity number.',
    );
    expect(text).toContain(
      'Disclosure of data under secrecy or professional confidentiality; Identity theft or fraud.',
    );
    expect(text).toContain('What have we done?\nMottagaren [personnummer] har ombetts radera');
    expect(text).toContain('What will we do?\nNy rutin');
    expect(text).toContain(
      '- You have the right to lodge a complaint with the Swedish Authority for Privacy Protection (IMY)',
    );
    expect(text).toContain('contact our data protection officer: Dana Dataskydd, dso@exempelby.se, 010-123 45 67.');
    expect(text).not.toMatch(/Kalle|1212|example\.com|Vad har hänt/);
  });

  it('says what is missing in English', () => {
    const letter = art34LetterText(anIncident({ measures: undefined }), { name: 'Kommunen', dpo: {} }, 'en', now);
    expect(letter).toContain('[Fill in: the measures taken]');
    expect(letter).toContain("[Fill in: the data protection officer's contact details]");
  });
});

describe('what the person can do', () => {
  it('follows the nature of the breach and the data concerned', () => {
    const advice = (breachTypes: string[], dataCategories: string[]) =>
      art34Advice({ breachTypes, dataCategories } as Parameters<typeof art34Advice>[0], 'sv').join('\n');
    expect(advice(['confidentiality'], ['financial'])).toMatch(/lån, krediter/);
    expect(advice(['availability'], ['financial'])).not.toMatch(/lån, krediter|lösenord/);
    expect(advice(['availability'], ['health'])).toMatch(/Väntar du på ett beslut/);
    expect(advice(['integrity'], ['health'])).toMatch(/felaktiga uppgifter rättade/);
    expect(advice(['confidentiality'], ['protected-identity'])).toMatch(/ring 112/);
    expect(advice(['confidentiality'], ['health'])).toMatch(/Blir du kontaktad/);
    expect(advice([], [])).toMatch(/Integritetsskyddsmyndigheten/);
  });
});

describe('the template', () => {
  it('ships as the files an administrator copies and edits', () => {
    for (const lang of ['sv', 'en'] as const) {
      const file = readFileSync(path.join(__dirname, `../../templates/art34-letter.${lang}.txt`), 'utf8');
      expect(file).toBe(DEFAULT_ART34_TEMPLATES[lang]);
      expect(art34TemplateProblems(file)).toEqual([]);
    }
  });

  it('refuses unknown placeholders and a template that leaves out a required item', () => {
    expect(art34TemplateProblems('{{what_happened}} {{namn}}')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown placeholder {{namn}}'),
        'required placeholder {{dpo_contact}} is missing',
        'required placeholder {{measures_taken}} is missing',
      ]),
    );
    expect(art34TemplateProblems('{{ what_happened }}')).not.toContain(
      'required placeholder {{what_happened}} is missing',
    );
  });

  it('makes headings, paragraphs and one bullet per piece of advice; a value is never read as a placeholder', () => {
    const items = { ...art34LetterItems(incident, organisation, 'sv', now), measures_taken: '{{dpo_contact}}' };
    const blocks = fillArt34Template(
      '## Hej {{reference}}\nRad ett\nRad två\n\n{{advice}}\n- Egen punkt\nGjort: {{measures_taken}}',
      items,
    );
    expect(blocks.slice(0, 2)).toEqual([
      { kind: 'heading', text: 'Hej PUI-2026-0001' },
      { kind: 'paragraph', text: 'Rad ett\nRad två' },
    ]);
    expect(blocks.filter((b) => b.kind === 'bullet')).toHaveLength(items.advice.length + 1);
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: 'Gjort: {{dpo_contact}}' });
    expect(letterBlocksText(blocks)).toMatch(/^Hej PUI-2026-0001\nRad ett\nRad två\n\n- /);
  });

  it('a configured template replaces the default for its language only', () => {
    const templates = { sv: 'Eget brev {{reference}}\n{{what_happened}}' };
    expect(art34LetterText(incident, organisation, 'sv', now, templates)).toMatch(/^Eget brev PUI-2026-0001\nDen 20/);
    expect(art34LetterBlocks(incident, organisation, 'en', now, templates)[0].text).toContain('Socialnämnden');
  });
});
