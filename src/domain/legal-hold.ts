/**
 * A legal hold (*spärr*): while an IVO case, a court case, a JO case or a police investigation
 * needs the incident, retention never culls it (src/domain/retention.ts). The DPO sets it with a
 * reason and, optionally, the other authority's reference, and lifts it; both are audited.
 * @remarks The audit events carry the reason's id and whether a reference was given, never the
 * reference itself: it is a free text, checked but still typed by a person.
 */
import { DomainError, InvalidState } from './errors';
import type { Incident } from './incident';
import type { Change } from './incident-changes';
import { findIdentityNumbers } from './identity-number';
import type { Locale } from './i18n';
import type { Person } from './person';
import { asObject, FieldReader, LIMITS } from './report-input';
import { isOneOf, labelOf } from './vocabulary';

/** Why an incident is held: the other proceeding that needs it. */
export const LEGAL_HOLD_REASONS = [
  { id: 'ivo', label: 'IVO-ärende', labelEn: 'IVO case' },
  { id: 'court', label: 'Mål i domstol', labelEn: 'Court case' },
  { id: 'jo', label: 'JO-ärende', labelEn: 'Parliamentary Ombudsman (JO) case' },
  { id: 'police', label: 'Polisutredning', labelEn: 'Police investigation' },
  { id: 'other', label: 'Annat', labelEn: 'Other' },
] as const;
export type LegalHoldReason = (typeof LEGAL_HOLD_REASONS)[number]['id'];
export const LEGAL_HOLD_REASON_IDS = LEGAL_HOLD_REASONS.map((r) => r.id) as [LegalHoldReason, ...LegalHoldReason[]];

/** The hold on an incident. */
export interface LegalHold {
  /** When it was first set (a later set that changes the reason keeps it). */
  since: string;
  /** Who first set it. */
  by: Person;
  reason: LegalHoldReason;
  /** The other proceeding's reference (diarienummer, målnummer): at most 100 characters, no identity numbers. */
  reference?: string;
}

/** The reason's label in the locale. */
export function legalHoldReasonLabel(reason: LegalHoldReason, locale: Locale = 'sv'): string {
  return labelOf(LEGAL_HOLD_REASONS, reason, locale);
}

/** Lifting a hold that is not there. */
export class NoLegalHold extends DomainError {
  readonly code = 'no_legal_hold';
  constructor(number: string) {
    super(`${number} har ingen spärr att häva.`, `${number} has no legal hold to lift.`);
  }
}

/** Letters, digits, spaces and the signs references are written with (`8.5-12345/2026`, `T 1234-26`, `Dnr: 123`). */
const REFERENCE = /^[\p{L}\p{N} .,:;/()#_–-]+$/u;

function ensureNotCulled(incident: Incident): void {
  if (incident.retention) {
    throw new InvalidState(
      `${incident.number} är redan gallrad; en spärr kan inte längre sättas eller hävas.`,
      `${incident.number} is already culled; a legal hold can no longer be set or lifted.`,
    );
  }
}

function readReference(r: FieldReader): string | undefined {
  const label: [string, string] = ['Diarie- eller målnumret', 'The reference'];
  const reference = r.text('reference', label, LIMITS.reference, false, { singleLine: true });
  if (reference === undefined) return undefined;
  if (findIdentityNumbers(reference).length > 0)
    return r.fail(
      'reference',
      'identity_number',
      'Diarie- eller målnumret får inte innehålla ett personnummer eller samordningsnummer. Skriv bara ärendets nummer.',
      'The reference must not contain a personal identity or coordination number. Write only the case number.',
    );
  if (!REFERENCE.test(reference))
    return r.fail(
      'reference',
      'invalid_reference',
      'Diarie- eller målnumret får bara innehålla bokstäver, siffror, mellanslag och . , : ; / ( ) # _ -, till exempel 8.5-12345/2026.',
      'The reference may only hold letters, digits, spaces and . , : ; / ( ) # _ -, for example 8.5-12345/2026.',
    );
  return reference;
}

/**
 * The DPO sets a legal hold, open or closed, with a reason and an optional reference. On a held
 * incident it replaces the reason and reference and keeps `since`.
 */
export function setLegalHold(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureNotCulled(incident);
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(new Set(['reason', 'reference']));
  const reason = r.raw.reason;
  if (!isOneOf(LEGAL_HOLD_REASON_IDS, reason)) {
    r.fail(
      'reason',
      reason === undefined || reason === null || reason === '' ? 'required' : 'unknown_reason',
      `Välj skälet till spärren: ${LEGAL_HOLD_REASON_IDS.join(', ')}.`,
      `Choose the reason for the hold: ${LEGAL_HOLD_REASON_IDS.join(', ')}.`,
    );
  }
  const reference = readReference(r);
  r.done();
  const held = reason as LegalHoldReason;
  const before = incident.legalHold;
  const legalHold: LegalHold = {
    since: before?.since ?? now.toISOString(),
    by: before?.by ?? by,
    reason: held,
    ...(reference ? { reference } : {}),
  };
  return {
    next: { ...incident, legalHold, updatedAt: now.toISOString() },
    event: {
      at: now.toISOString(),
      actor: by,
      type: 'legal-hold-set',
      data: { reason: held, withReference: reference !== undefined, previousReason: before?.reason ?? null },
    },
  };
}

/** The DPO lifts the hold: retention counts again as the records plan says. */
export function liftLegalHold(incident: Incident, raw: unknown, by: Person, now: Date): Change {
  ensureNotCulled(incident);
  const r = new FieldReader(asObject(raw ?? {}));
  r.rejectUnknown(new Set([]));
  r.done();
  const before = incident.legalHold;
  if (!before) throw new NoLegalHold(incident.number);
  const { legalHold: _lifted, ...rest } = incident;
  return {
    next: { ...rest, updatedAt: now.toISOString() },
    event: {
      at: now.toISOString(),
      actor: by,
      type: 'legal-hold-lifted',
      data: { reason: before.reason, since: before.since },
    },
  };
}
