/**
 * The organisation behind the documents: the controller as IMY's notice names it, the DPO's
 * contact details and the committee the register is reported to. Settings, not data of an incident.
 */

/** The DPO's contact details as art. 33(3)(b) and the art. 34 letter give them. */
export interface DpoContact {
  name?: string;
  email?: string;
  phone?: string;
}

/** The controller and where its documents go. */
export interface Organisation {
  /** The controller's name (`ORGANISATION_NAME`), e.g. *Socialnämnden i Exempelby kommun*. */
  name: string;
  /** The organisation number (`ORGANISATION_NUMBER`), e.g. `212000-0000`. */
  number?: string;
  /** The committee the register is reported to (`COMMITTEE_NAME`). */
  committee?: string;
  dpo: DpoContact;
}

/** The organisation when nothing is configured (local profile, tests). */
export const DEFAULT_ORGANISATION: Organisation = { name: 'Kommunen', dpo: {} };

/** The DPO's contact details on one line, or undefined when none are set. */
export function dpoContactLine(dpo: DpoContact): string | undefined {
  const parts = [dpo.name, dpo.email, dpo.phone].filter((p): p is string => Boolean(p && p.trim()));
  return parts.length ? parts.join(', ') : undefined;
}
