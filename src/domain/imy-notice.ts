/**
 * The text a DPO copies into IMY's e-service. Everything sent to IMY becomes a public record,
 * so it holds only what the e-service asks for, from the structured fields: no title, no
 * description, no names, and identity numbers and e-mail addresses masked in the free texts.
 * @remarks Always Swedish: it is written for a Swedish authority's form.
 */
import { causeLabel } from './causes';
import { isLate } from './deadline';
import { maskPersonalDataOneLine } from './identity-number';
import type { Incident } from './incident';
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

/** The notice text for IMY's e-service, one "question: answer" per line. */
export function imyNoticeText(incident: Incident, draft: NoticeDraft = {}): string {
  const lines: string[] = [];
  const add = (question: string, answer: string) => lines.push(`${question}: ${answer}`);
  add('Vårt ärendenummer', incident.number);
  add('När inträffade incidenten', when(incident.occurredAt));
  add('När upptäcktes incidenten', when(incident.discoveredAt));
  if (incident.awareAt !== incident.discoveredAt) add('När fick vi kännedom om incidenten', when(incident.awareAt));
  add('När upphörde incidenten', when(incident.endedAt, 'Okänt eller pågår'));
  add('Typ av incident', incident.breachTypes.length ? incident.breachTypes.map((t) => labelOf(BREACH_TYPES, t)).join('; ') : 'Inte fastställt');
  add('Typer av personuppgifter', incident.dataCategories.length ? incident.dataCategories.map((c) => labelOf(DATA_CATEGORIES, c)).join('; ') : 'Inte fastställt');
  const groups = [
    ...(incident.dataCategories.includes('children') ? ['barn'] : []),
    ...(incident.dataCategories.includes('protected-identity') ? ['personer med skyddade personuppgifter'] : []),
  ];
  if (groups.length) add('Särskilda grupper av registrerade', groups.join(', '));
  add('Ungefärligt antal berörda registrerade', incident.affectedCount !== undefined ? String(incident.affectedCount) : 'Okänt');
  if (incident.cause) add('Orsak', causeLabel(incident.cause));
  const a = incident.assessment;
  if (a) {
    const severity = a.severity ? ` (allvarlighetsgrad enligt ENISA: ${decimal(a.severity.score)})` : '';
    add('Vår bedömning av risken', `${labelOf(RISK_LEVELS, a.risk)}${severity}`);
  }
  add('Vidtagna och planerade åtgärder', incident.measures ? maskPersonalDataOneLine(incident.measures) : 'Inte angivet');
  const s = incident.subjectNotice;
  const informed = s?.notifiedAt
    ? `Ja, ${formatStockholm(s.notifiedAt)}${s.method ? ` (${maskPersonalDataOneLine(s.method)})` : ''}`
    : s?.notInformedReason
      ? `Nej. Skäl: ${maskPersonalDataOneLine(s.notInformedReason)}`
      : a?.risk === 'high'
        ? 'Kommer att informeras'
        : 'Nej, risken bedöms inte som hög';
  add('Har de registrerade informerats', informed);
  if (draft.phased) add('Anmälan görs i etapper', 'Ja, kompletteringar följer');
  if (draft.notifiedAt && isLate(incident.awareAt, draft.notifiedAt) && draft.delayReason?.trim()) {
    add('Skäl till att anmälan görs senare än 72 timmar', maskPersonalDataOneLine(draft.delayReason));
  }
  return lines.join('\n');
}

