/** Opens a generated .docx the way a test checks it: its parts as XML and its text as Word shows it. */
import JSZip from 'jszip';

/** A .docx file opened: every XML part by its path in the package. */
export interface OpenedDocx {
  parts: Record<string, string>;
  /** word/document.xml */
  document: string;
  /** The paths of the media (images) the document carries. */
  media: string[];
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  const media: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (/\.(xml|rels)$/.test(name)) parts[name] = await entry.async('string');
    else media.push(name);
  }
  const document = parts['word/document.xml'];
  if (!document) throw new Error('not a Word document: word/document.xml is missing');
  return { parts, document, media };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of each paragraph (`w:p`) of a part, in order; runs joined, breaks as newlines. */
export function paragraphsOf(xml: string): string[] {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((p) =>
    unescapeXml(
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) ?? [])
        .map((t) => (t === '<w:br/>' ? '\n' : t.replace(/<[^>]+>/g, '')))
        .join(''),
    ),
  );
}

/** The rows of each table (`w:tbl`) of a part: every row as its cells' text. */
export function tablesOf(xml: string): string[][][] {
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  return tables.map((table) =>
    (table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => paragraphsOf(c).join('\n')),
    ),
  );
}
