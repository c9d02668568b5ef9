/**
 * The parts every Word document of PUI Desk is made of (the committee report, the art. 34
 * letter): one set of styles, headings, text with a label, a table with a repeated header row,
 * and packing to bytes. Built with the `docx` library; no OOXML is written by hand here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';

/** The MIME type of a .docx file. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The document's language: Swedish unless the DPO asked for English. */
export type DocumentLanguage = 'sv' | 'en';

const FONT = 'Arial';
const HEADER_FILL = 'E7E6E6';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;

/** The language tag Word spell-checks the text with. */
export function wordLanguage(lang: DocumentLanguage): string {
  return lang === 'en' ? 'en-GB' : 'sv-SE';
}

/** A document with the house styles (Arial 11 pt, headings 16/13 pt) in `lang`. */
export function styledDocument(options: {
  lang: DocumentLanguage;
  title: string;
  creator: string;
  description?: string;
  sections: ISectionOptions[];
}): Document {
  const language = { value: wordLanguage(options.lang) };
  return new Document({
    title: options.title,
    creator: options.creator,
    lastModifiedBy: options.creator,
    description: options.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, language }, paragraph: { spacing: { after: 200 } } },
        heading2: {
          run: { font: FONT, size: 26, bold: true, language },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: options.sections,
  });
}

/** A heading; level 1 is the document's title, level 2 a part of it. */
export function heading(text: string, level: 1 | 2 = 2, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore,
    children: [new TextRun(text)],
  });
}

/** A paragraph of plain text; line breaks in `text` stay line breaks. */
export function paragraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options })),
  });
}

/** `Label: value` with the label in bold, one line (a memo's heading facts). */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 40 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

/** A bulleted line. */
export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
}

function cell(text: string, options: { header?: boolean; width: number; alignRight?: boolean }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          spacing: { after: 0 },
          alignment: options.alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: options.header, size: 18 })],
        }),
    ),
  });
}

/** A table column: its header, its share of the width (percent) and whether numbers align right. */
export interface Column {
  header: string;
  width: number;
  numeric?: boolean;
}

/**
 * A table with a header row that Word repeats on every page and that screen readers announce
 * as the header; every cell is text.
 */
export function dataTable(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, { header: true, width: c.width, alignRight: c.numeric })),
  });
  const bodyRows = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(row[i] ?? '', { width: c.width, alignRight: c.numeric })),
      }),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [headerRow, ...bodyRows],
  });
}

/** The document as the bytes of a .docx file. */
export async function packDocx(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}
