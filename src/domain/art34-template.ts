/**
 * The editable template of the art. 34 letter: plain text with `{{placeholders}}`, one block a line.
 * - `## Rubrik` is a heading; `- text` a bullet; a blank line ends a paragraph; other lines in a row
 *   make one paragraph (kept as separate lines).
 * - `{{advice}}` alone on a line becomes one bullet per piece of advice; elsewhere they run on.
 * The letter text and the Word document are both made from the blocks a template gives.
 */
import {
  ART34_PLACEHOLDERS,
  art34LetterItems,
  type Art34LetterItems,
  type Art34Placeholder,
  type LetterBlock,
} from './art34-letter';
import type { Locale } from './i18n';
import type { Incident } from './incident';
import type { Organisation } from './organisation';

/** The items art. 34(2) (with art. 33(3)(b)–(d)) requires: a template without one of them is refused. */
export const REQUIRED_ART34_PLACEHOLDERS: readonly Art34Placeholder[] = [
  'what_happened',
  'consequences',
  'measures_taken',
  'measures_planned',
  'advice',
  'dpo_contact',
];

/** The templates used when none is configured; the same text as templates/art34-letter.{sv,en}.txt. */
export const DEFAULT_ART34_TEMPLATES: Record<Locale, string> = {
  sv: `{{organisation}}
{{date}}
Vårt ärendenummer: {{reference}}

## Information om en personuppgiftsincident som rör dig

Vi vill berätta att uppgifter om dig har berörts av en personuppgiftsincident. Här står vad som har hänt, vad det kan innebära för dig, vad vi har gjort och vad du själv kan göra.

## Vad har hänt?
{{what_happened}}
Uppgifter som berörs: {{data}}.

## Vad kan det innebära för dig?
{{consequences}}

## Vad har vi gjort?
{{measures_taken}}

## Vad kommer vi att göra?
{{measures_planned}}

## Vad kan du göra?
{{advice}}

## Vem kan du fråga?
Har du frågor kan du kontakta vårt dataskyddsombud: {{dpo_contact}}. Ange ärendenummer {{reference}}.
`,
  en: `{{organisation}}
{{date}}
Our reference: {{reference}}

## Information about a personal data breach concerning you

We want to let you know that information about you has been affected by a personal data breach. This letter says what happened, what it may mean for you, what we have done and what you can do yourself.

## What happened?
{{what_happened}}
Information concerned: {{data}}.

## What may it mean for you?
{{consequences}}

## What have we done?
{{measures_taken}}

## What will we do?
{{measures_planned}}

## What can you do?
{{advice}}

## Whom can you ask?
If you have questions, contact our data protection officer: {{dpo_contact}}. Give the reference {{reference}}.
`,
};

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** What is wrong with a template: placeholders it does not know, and required ones it lacks. Empty when fine. */
export function art34TemplateProblems(template: string): string[] {
  const used = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = [...new Set(used.filter((p) => !(ART34_PLACEHOLDERS as readonly string[]).includes(p)))];
  const missing = REQUIRED_ART34_PLACEHOLDERS.filter((p) => !used.includes(p));
  return [
    ...unknown.map((p) => `unknown placeholder {{${p}}} (known: ${ART34_PLACEHOLDERS.join(', ')})`),
    ...missing.map((p) => `required placeholder {{${p}}} is missing`),
  ];
}

function fill(line: string, items: Art34LetterItems): string {
  return line.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'advice') return items.advice.join(' ');
    return (ART34_PLACEHOLDERS as readonly string[]).includes(name)
      ? items[name as Exclude<Art34Placeholder, 'advice'>]
      : whole;
  });
}

/** The letter's blocks: `template` with the items filled in. */
export function fillArt34Template(template: string, items: Art34LetterItems): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let paragraph: string[] = [];
  const close = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const raw of template.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) close();
    else if (/^\{\{\s*advice\s*\}\}$/.test(line.trim())) {
      close();
      blocks.push(...items.advice.map((text) => ({ kind: 'bullet' as const, text })));
    } else if (line.startsWith('## ')) {
      close();
      blocks.push({ kind: 'heading', text: fill(line.slice(3).trim(), items) });
    } else if (line.startsWith('- ')) {
      close();
      blocks.push({ kind: 'bullet', text: fill(line.slice(2).trim(), items) });
    } else paragraph.push(fill(line, items));
  }
  close();
  return blocks;
}

/** The blocks as plain text: a blank line between blocks, none after a heading or between bullets. */
export function letterBlocksText(blocks: readonly LetterBlock[]): string {
  return blocks
    .map((b, i) => {
      const prev = blocks[i - 1];
      const sep = !prev
        ? ''
        : prev.kind === 'heading' || (prev.kind === 'bullet' && b.kind === 'bullet')
          ? '\n'
          : '\n\n';
      return `${sep}${b.kind === 'bullet' ? `- ${b.text}` : b.text}`;
    })
    .join('');
}

/** The letter templates by language (configured ones replace the defaults). */
export type Art34Templates = Partial<Record<Locale, string>>;

/** The art. 34 letter's blocks for one incident, in `lang`, from the configured template or the default. */
export function art34LetterBlocks(
  incident: Incident,
  organisation: Organisation,
  lang: Locale,
  now: Date,
  templates: Art34Templates = {},
): LetterBlock[] {
  const template = templates[lang] ?? DEFAULT_ART34_TEMPLATES[lang];
  return fillArt34Template(template, art34LetterItems(incident, organisation, lang, now));
}

/** The art. 34 letter as plain text. */
export function art34LetterText(
  incident: Incident,
  organisation: Organisation,
  lang: Locale,
  now: Date,
  templates: Art34Templates = {},
): string {
  return letterBlocksText(art34LetterBlocks(incident, organisation, lang, now, templates));
}
