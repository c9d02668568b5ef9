/** The texts a DPO hands on for one incident: the IMY notice and the letter to the data subjects (art. 34). */
import {
  accessRecord,
  art34LetterBlocks,
  art34LetterText,
  DEFAULT_ORGANISATION,
  Forbidden,
  imyNoticeText,
  isDpo,
  type Caller,
  type Incident,
  type LetterBlock,
  type Locale,
  type NoticeDraft,
} from '../domain';
import type { UseCaseDeps } from './deps';
import { findVisibleIncident } from './get-incident';

/** The kinds of text there are: `imy` (art. 33, for IMY's e-service) and `art34` (the letter to the data subjects). */
export const NOTICE_KINDS = ['imy', 'art34'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** How a document is taken out: as text, or (the letter only) as a Word document. */
export const NOTICE_FORMATS = ['text', 'docx'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

export interface NoticeOptions {
  /** The letter's language (the IMY text is always Swedish). Default Swedish. */
  lang?: Locale;
  /** The IMY notice as the DPO is about to record it (the tab's form): when, and whether phased. */
  draft?: Pick<NoticeDraft, 'notifiedAt' | 'phased'>;
}

/** The name of a document in the access log (a name, never content). */
function documentName(kind: NoticeKind, format: NoticeFormat): string {
  return kind === 'imy' ? 'imy-notice' : format === 'docx' ? 'art34-letter.docx' : 'art34-letter';
}

/** The incident, for a DPO only (these are the DPO's documents, not the reporter's), with the read recorded. */
async function documentIncident(
  deps: UseCaseDeps,
  caller: Caller,
  idOrNumber: string,
  kind: NoticeKind,
  format: NoticeFormat,
): Promise<Incident> {
  if (!isDpo(caller))
    throw new Forbidden(
      kind === 'imy'
        ? 'Bara dataskyddsombudet kan ta fram anmälningstexten.'
        : 'Bara dataskyddsombudet kan ta fram brevet till de registrerade.',
      kind === 'imy'
        ? 'Only the data protection officer can get the notice text.'
        : 'Only the data protection officer can get the letter to the data subjects.',
    );
  const incident = await findVisibleIncident(deps, caller, idOrNumber);
  // A document taken out of the app: who took which one is in the access log (never its text).
  deps.access?.record(
    accessRecord(deps.newId(), deps.clock.now(), caller, 'document', incident.id, documentName(kind, format)),
  );
  return incident;
}

/** The letter's blocks (for the Word document), for a DPO only; the read is recorded as `art34-letter.docx`. */
export async function art34LetterDocument(
  deps: UseCaseDeps,
  caller: Caller,
  idOrNumber: string,
  lang: Locale = 'sv',
): Promise<{ number: string; blocks: LetterBlock[] }> {
  const incident = await documentIncident(deps, caller, idOrNumber, 'art34', 'docx');
  const organisation = deps.organisation ?? DEFAULT_ORGANISATION;
  return {
    number: incident.number,
    blocks: art34LetterBlocks(incident, organisation, lang, deps.clock.now(), deps.letterTemplates),
  };
}

/** The notice text of one incident, for a DPO only. */
export async function noticeText(
  deps: UseCaseDeps,
  caller: Caller,
  idOrNumber: string,
  kind: NoticeKind,
  options: NoticeOptions = {},
): Promise<{ number: string; text: string }> {
  const incident = await documentIncident(deps, caller, idOrNumber, kind, 'text');
  const organisation = deps.organisation ?? DEFAULT_ORGANISATION;
  switch (kind) {
    case 'imy':
      // A recorded notice is what the text says; a draft counts only until then.
      return {
        number: incident.number,
        text: imyNoticeText(incident, incident.imyNotice ? {} : (options.draft ?? {}), organisation),
      };
    case 'art34':
      return {
        number: incident.number,
        text: art34LetterText(incident, organisation, options.lang ?? 'sv', deps.clock.now(), deps.letterTemplates),
      };
  }
}
