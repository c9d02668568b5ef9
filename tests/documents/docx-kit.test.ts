import { dataTable, heading, labelled, packDocx, paragraph, styledDocument } from '../../src/documents/docx-kit';
import { openDocx, paragraphsOf, tablesOf } from '../support/docx-reader';

describe('the shared Word parts', () => {
  it('packs headings, labelled lines, text and a table with a repeated header row into a .docx', async () => {
    const doc = styledDocument({
      lang: 'sv',
      title: 'Prov',
      creator: 'PUI Desk',
      sections: [
        {
          children: [
            heading('Rubrik', 1),
            labelled('Datum', '2026-12-03'),
            paragraph('Rad ett\nRad två & <tre>'),
            dataTable(
              [
                { header: 'Namn', width: 70 },
                { header: 'Antal', width: 30, numeric: true },
              ],
              [
                ['Felskickat', '3'],
                ['Obehörig åtkomst', '1'],
              ],
            ),
          ],
        },
      ],
    });
    const opened = await openDocx(await packDocx(doc));
    const paragraphs = paragraphsOf(opened.document);
    expect(paragraphs).toEqual(expect.arrayContaining(['Rubrik', 'Datum: 2026-12-03', 'Rad ett\nRad två & <tre>']));
    expect(tablesOf(opened.document)).toEqual([
      [
        ['Namn', 'Antal'],
        ['Felskickat', '3'],
        ['Obehörig åtkomst', '1'],
      ],
    ]);
    expect(opened.document).toContain('<w:tblHeader/>');
    expect(opened.parts['word/styles.xml']).toContain('w:val="sv-SE"');
  });

  it('sets English as the language Word checks an English document with', async () => {
    const doc = styledDocument({ lang: 'en', title: 'Test', creator: 'PUI Desk', sections: [{ children: [] }] });
    const opened = await openDocx(await packDocx(doc));
    expect(opened.parts['word/styles.xml']).toContain('w:val="en-GB"');
    expect(opened.parts['word/styles.xml']).not.toContain('sv-SE');
  });
});
