/**
 * The art. 34 letter as a Word document: the same blocks as the letter text (the domain's template,
 * src/domain/art34-template.ts) in the house styles of src/documents/docx-kit.ts, headings as Word
 * headings so a screen reader can move by them, the advice as a real list, the language set.
 */
import type { LetterBlock, Locale } from '../domain';
import { bullet, heading, packDocx, paragraph, styledDocument } from './docx-kit';

const TITLE: Record<Locale, string> = {
  sv: 'Information om en personuppgiftsincident',
  en: 'Information about a personal data breach',
};

function paragraphOf(block: LetterBlock) {
  switch (block.kind) {
    case 'heading':
      return heading(block.text, 2);
    case 'bullet':
      return bullet(block.text);
    case 'paragraph':
      return paragraph(block.text);
  }
}

/** The letter's blocks as the bytes of a .docx file. */
export function art34LetterDocx(blocks: readonly LetterBlock[], lang: Locale): Promise<Uint8Array> {
  const document = styledDocument({
    lang,
    title: TITLE[lang],
    creator: 'PUI Desk',
    sections: [{ children: blocks.map(paragraphOf) }],
  });
  return packDocx(document);
}
