/**
 * The text a DPO copies into IMY's e-service. Everything sent to IMY becomes a public record,
 * so it holds only what the e-service asks for, from the structured fields: no title, no
 * description, no names, and identity numbers and e-mail addresses masked in the free texts.
 * @remarks Always Swedish: it is written for a Swedish authority's form. It answers every item of
 * art. 33(3) and the e-service's questions in the e-service's order; what is not yet known says so
 * ("Inte angivet"), so that a phased notice shows what the supplement owes.
 */
import { causeLabel } from './causes';
import { isLate } from './deadline';
import { maskPersonalDataOneLine } from './identity-number';
import type { Incident } from './incident';
import { CONSEQUENCES, SUBJECT_CATEGORIES } from './notice-details';
import { DEFAULT_ORGANISATION, dpoContactLine, type Organisation } from './organisation';
import { supplementDueAt } from './reminders';
import { formatStockholm } from './stockholm-time';
import { BREACH_TYPES, DATA_CATEGORIES, labelOf, RISK_LEVELS } from './vocabulary';

function when(iso: string | undefined, unknown = 'Okänt'): string {
  return iso ? `${formatStockholm(iso)} (svensk tid)` : unknown;
}

function decimal(n: number): string {
  return String(n).replace('.', ',');
}

export interface NoticeDraft {
  /** When IMY is (or was) notified, to tell whether reasons for delay belong in the text. */
  notifiedAt?: string;
  phased?: boolean;
  delayReason?: string;
}

const NOT_GIVEN = 'Inte angivet';

function masked(text: string | undefined): string {
  return text?.trim() ? maskPersonalDataOneLine(text) : NOT_GIVEN;
}

function labels(
  list: readonly { id: string; label: string; labelEn: string }[],
  ids: readonly string[],
): string | undefined {
  return ids.length ? ids.map((id) => labelOf(list, id)).join('; ') : undefined;
}

/** The groups of data subjects: the DPO's, else what the report's data categories imply. */
function subjectGroups(incident: Incident): string {
  const recorded = incident.noticeDetails?.subjectCategories ?? [];
  if (recorded.length) return labels(SUBJECT_CATEGORIES, recorded)!;
  const implied = [
    ...(incident.dataCategories.includes('children') ? ['children'] : []),
    ...(incident.dataCategories.includes('protected-identity') ? ['protected-identity'] : []),
  ];
  return labels(SUBJECT_CATEGORIES, implied) ?? NOT_GIVEN;
}

/**
 * The notice text for IMY's e-service, one "question: answer" per line.
 * @param organisation the controller and the DPO's contact details (settings).
 * @param now when the text is made: whether reasons for delay belong in it when `draft.notifiedAt` is not given.
 */
export function imyNoticeText(
  incident: Incident,
  draft: NoticeDraft = {},
  organisation: Organisation = DEFAULT_ORGANISATION,
): string {
  const lines: string[] = [];
  const add = (question: string, answer: string) => lines.push(`${question}: ${answer}`);
  const d = incident.noticeDetails;
  const notice = incident.imyNotice;
  add('Personuppgiftsansvarig', organisation.name);
  add('Organisationsnummer', organisation.number ?? NOT_GIVEN);
  add('Vårt ärendenummer', incident.number);
  add('Kontaktuppgifter till dataskyddsombudet', dpoContactLine(organisation.dpo) ?? NOT_GIVEN);
  add('När inträffade incidenten', when(incident.occurredAt));
  add('När upptäcktes incidenten', when(incident.discoveredAt));
  if (incident.awareAt !== incident.discoveredAt) add('När fick vi kännedom om incidenten', when(incident.awareAt));
  add('När upphörde incidenten', when(incident.endedAt, 'Okänt eller pågår'));
  add(
    'Typ av incident',
    incident.breachTypes.length
      ? incident.breachTypes.map((t) => labelOf(BREACH_TYPES, t)).join('; ')
      : 'Inte fastställt',
  );
  if (incident.cause) add('Orsak', causeLabel(incident.cause));
  add('Kategorier av registrerade', subjectGroups(incident));
  add(
    'Ungefärligt antal berörda registrerade',
    incident.affectedCount !== undefined ? String(incident.affectedCount) : 'Okänt',
  );
  add(
    'Typer av personuppgifter',
    incident.dataCategories.length
      ? incident.dataCategories.map((c) => labelOf(DATA_CATEGORIES, c)).join('; ')
      : 'Inte fastställt',
  );
  add('Ungefärligt antal berörda personuppgiftsposter', d?.recordCount !== undefined ? String(d.recordCount) : 'Okänt');
  const chosen = labels(CONSEQUENCES, d?.consequences ?? []);
  const inWords = d?.consequencesText?.trim() ? maskPersonalDataOneLine(d.consequencesText) : undefined;
  add('Troliga konsekvenser', [chosen, inWords].filter(Boolean).join('. ') || NOT_GIVEN);
  const a = incident.assessment;
  if (a) {
    const severity = a.severity ? ` (allvarlighetsgrad enligt ENISA: ${decimal(a.severity.score)})` : '';
    add('Vår bedömning av allvarlighetsgraden', `${labelOf(RISK_LEVELS, a.risk)}${severity}`);
  } else {
    add('Vår bedömning av allvarlighetsgraden', 'Inte bedömd ännu');
  }
  add('Vidtagna åtgärder', masked(incident.measures));
  add('Planerade åtgärder', masked(d?.plannedMeasures));
  const s = incident.subjectNotice;
  const informed = s?.notifiedAt
    ? `Ja, ${formatStockholm(s.notifiedAt)}${s.method ? ` (${maskPersonalDataOneLine(s.method)})` : ''}`
    : s?.notInformedReason
      ? `Nej. Skäl: ${maskPersonalDataOneLine(s.notInformedReason)}`
      : a?.risk === 'high'
        ? 'Nej, inte ännu; de kommer att informeras'
        : 'Nej, risken bedöms inte som hög';
  add('Har de registrerade informerats', informed);
  add(
    'Berör incidenten registrerade i andra EU/EES-länder',
    d?.crossBorder === true ? 'Ja' : d?.crossBorder === false ? 'Nej' : NOT_GIVEN,
  );
  const phased = draft.phased ?? notice?.phased ?? false;
  if (phased) {
    const due = notice ? supplementDueAt(incident) : null;
    add(
      'Anmälan görs i etapper',
      due ? `Ja, komplettering lämnas senast ${formatStockholm(due)}` : 'Ja, komplettering lämnas inom fyra veckor',
    );
  } else {
    add('Anmälan görs i etapper', 'Nej');
  }
  const notifiedAt = draft.notifiedAt ?? notice?.notifiedAt;
  const delayReason = draft.delayReason ?? notice?.delayReason;
  if (notifiedAt && isLate(incident.awareAt, notifiedAt) && delayReason?.trim()) {
    add('Skäl till att anmälan görs senare än 72 timmar', maskPersonalDataOneLine(delayReason));
  }
  return lines.join('\n');
}
