/** The words of the register page's retention (gallring) section. */
import type { RetentionScope } from '../../domain/retention';
import type { Localized } from '../i18n';

const sv = {
  heading: 'Gallring',
  loading: 'Hämtar vad som ska gallras…',
  failed: 'Det gick inte att hämta vad som ska gallras. Ladda om sidan och försök igen.',
  keep: 'Registret bevaras: informationshanteringsplanen har inget gallringsbeslut för incidenter (RETENTION_YEARS är inte satt). Inget gallras.',
  plan: (decision: string) => `Gallringsbeslut enligt informationshanteringsplanen: ${decision}.`,
  scopeIntro:
    'Gallringen lämnar en minimal post (nummer, datum, orsak, typ av incident, risk, om och när IMY och de registrerade underrättades), så att statistiken och rapporterna till nämnden för tidigare perioder blir desamma. Spärrade incidenter gallras aldrig.',
  noneDue: 'Inget att gallra i dag.',
  dueCaption: (n: number) => `Ska gallras i dag (${n})`,
  number: 'Nummer',
  closedAt: 'Avslutad',
  dueAt: 'Gallras från',
  prepare: 'Förbered gallring',
  preparing: 'Förbereder…',
  unfinished:
    'En gallring avbröts innan den var klar. Ta ut exporten av det som återstår och slutför gallringen; inget är till hälften borttaget.',
  step1: '1. Ta ut exporten av det som ska gallras',
  step1Intro:
    'Spara båda filerna där registret får finnas innan du gallrar: registerraderna och händelseloggen. De innehåller personuppgifter.',
  xlsx: 'Ladda ner registerraderna (XLSX)',
  audit: 'Ladda ner händelseloggen (JSON)',
  downloaded: 'hämtad',
  downloading: 'Hämtar filen…',
  step2: '2. Bekräfta och gallra',
  confirmLabel: (n: number) => `Skriv antalet incidenter som gallras (${n}) för att bekräfta`,
  confirmHint: 'Gallringen går inte att ångra.',
  confirmMismatch: (n: number) =>
    `Skriv ${n} för att bekräfta att ${n === 1 ? 'incidenten' : 'alla incidenter'} ska gallras.`,
  exportFirst: 'Ta ut båda exporterna först.',
  cull: (n: number) => `Gallra ${n} ${n === 1 ? 'incident' : 'incidenter'}`,
  culling: 'Gallrar…',
  done: (n: number) => `Klart: ${n} ${n === 1 ? 'incident gallrades' : 'incidenter gallrades'}.`,
  skipped: (numbers: string) => `Inte gallrade, spärrade sedan de listades: ${numbers}.`,
  culledNotice: (date: string, by: string) => `Gallrad ${date} enligt informationshanteringsplanen av ${by}.`,
  culledScope: {
    'free-text': 'Fritexterna är gallrade; uppgifterna och händelseloggen finns kvar.',
    audit: 'Händelseloggen är gallrad; incidenten finns kvar som den var.',
    whole:
      'Kvar finns en minimal post utan personuppgifter: nummer, datum, orsak, typ, risk och om IMY och de registrerade underrättades.',
  } as Record<RetentionScope, string>,
};

const en: typeof sv = {
  heading: 'Retention (culling)',
  loading: 'Fetching what is due for culling…',
  failed: 'What is due for culling could not be fetched. Reload the page and try again.',
  keep: 'The register is kept: the records plan has no retention decision for incidents (RETENTION_YEARS is not set). Nothing is culled.',
  plan: (decision: string) => `Retention decision of the records plan: ${decision}.`,
  scopeIntro:
    'Culling leaves a minimal record (number, dates, cause, breach type, risk, whether and when IMY and the data subjects were notified), so the statistics and the committee reports of past periods stay the same. Incidents under a legal hold are never culled.',
  noneDue: 'Nothing is due for culling today.',
  dueCaption: (n: number) => `Due for culling today (${n})`,
  number: 'Number',
  closedAt: 'Closed',
  dueAt: 'Due from',
  prepare: 'Prepare the cull',
  preparing: 'Preparing…',
  unfinished:
    'A cull stopped before it was done. Take the export of what is left and finish the cull; nothing is half-deleted.',
  step1: '1. Take the export of what will be culled',
  step1Intro:
    'Keep both files where the register may be kept before you cull: the register rows and the audit trail. They hold personal data.',
  xlsx: 'Download the register rows (XLSX)',
  audit: 'Download the audit trail (JSON)',
  downloaded: 'downloaded',
  downloading: 'Fetching the file…',
  step2: '2. Confirm and cull',
  confirmLabel: (n: number) => `Type the number of incidents to be culled (${n}) to confirm`,
  confirmHint: 'The cull cannot be undone.',
  confirmMismatch: (n: number) =>
    `Type ${n} to confirm that ${n === 1 ? 'the incident' : 'all incidents'} will be culled.`,
  exportFirst: 'Take both exports first.',
  cull: (n: number) => `Cull ${n} ${n === 1 ? 'incident' : 'incidents'}`,
  culling: 'Culling…',
  done: (n: number) => `Done: ${n} ${n === 1 ? 'incident was' : 'incidents were'} culled.`,
  skipped: (numbers: string) => `Not culled, put under a legal hold since they were listed: ${numbers}.`,
  culledNotice: (date: string, by: string) => `Culled on ${date} by the records plan, by ${by}.`,
  culledScope: {
    'free-text': 'The free texts are culled; the answers and the audit trail remain.',
    audit: 'The audit trail is culled; the incident remains as it was.',
    whole:
      'What remains is a minimal record without personal data: number, dates, cause, type, risk, and whether IMY and the data subjects were notified.',
  },
};

export const retentionStrings: Localized<typeof sv> = { sv, en };
