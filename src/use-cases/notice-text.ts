/** The texts a DPO hands on for one incident: the IMY notice (and, with art. 34, the letter). */
import { accessRecord, DEFAULT_ORGANISATION, Forbidden, imyNoticeText, isDpo, type Caller } from '../domain';
import type { UseCaseDeps } from './deps';
import { findVisibleIncident } from './get-incident';

/** The kinds of text there are. */
export const NOTICE_KINDS = ['imy'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The notice text of one incident, for a DPO only (it is the DPO's document, not the reporter's). */
export async function noticeText(
  deps: UseCaseDeps,
  caller: Caller,
  idOrNumber: string,
  kind: NoticeKind,
): Promise<{ number: string; text: string }> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan ta fram anmälningstexten.',
      'Only the data protection officer can get the notice text.',
    );
  const incident = await findVisibleIncident(deps, caller, idOrNumber);
  const organisation = deps.organisation ?? DEFAULT_ORGANISATION;
  // A document taken out of the app: who took which one is in the access log (never its text).
  deps.access?.record(accessRecord(deps.newId(), deps.clock.now(), caller, 'document', incident.id, `${kind}-notice`));
  switch (kind) {
    case 'imy':
      return { number: incident.number, text: imyNoticeText(incident, {}, organisation) };
  }
}
