/**
 * The committee report as a Word document: page 1 the tjänsteskrivelse (heading facts, Förslag
 * till beslut, Bakgrund, the figures, the findings to look at, the chart), then on a new page in
 * landscape the appendix with one row per incident. What it says is the domain's
 * (`committeeReportContent`); this file only lays it out.
 */
import { ImageRun, PageOrientation, Paragraph, SectionType, TextRun, type ISectionOptions } from 'docx';
import type { CommitteeReportContent } from '../domain/committee-report';
import { dataTable, heading, labelled, packDocx, paragraph, styledDocument, type Column } from './docx-kit';
import { registerChartPng, registerChartSvg } from './register-chart';

/** The chart's width on the page, in pixels at 96 dpi (about 16 cm). */
const CHART_WIDTH = 600;
const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 }; // 2 cm

function chartParagraph(chart: CommitteeReportContent['chart']): Paragraph {
  const drawn = registerChartSvg(chart);
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: registerChartPng(drawn.svg),
        transformation: { width: CHART_WIDTH, height: Math.round((CHART_WIDTH * drawn.height) / drawn.width) },
        altText: { name: 'chart', title: chart.title, description: chart.alt },
      }),
    ],
  });
}

/** A place to sign: a line, then the name (when known) and the role. */
function signature(s: { name: string; role: string }): Paragraph {
  return new Paragraph({
    keepLines: true,
    spacing: { before: 600, after: 0 },
    children: [
      new TextRun('________________________________'),
      ...(s.name ? [new TextRun({ text: s.name, break: 1 })] : []),
      new TextRun({ text: s.role, break: 1 }),
    ],
  });
}

function memoSection(content: CommitteeReportContent): ISectionOptions {
  const { figures, findings } = content;
  const figureColumns: Column[] = [
    { header: figures.columns[0], width: 75 },
    { header: figures.columns[1], width: 25, numeric: true },
  ];
  return {
    properties: { page: { margin: MARGIN } },
    children: [
      new Paragraph({ children: [new TextRun({ text: content.documentKind, allCaps: true, size: 18 })] }),
      heading(content.title, 1),
      ...content.facts.map((f) => labelled(f.label, f.value)),
      heading(content.proposal.heading),
      ...content.proposal.paragraphs.map((p) => paragraph(p)),
      heading(content.background.heading),
      ...content.background.paragraphs.map((p) => paragraph(p)),
      heading(figures.heading),
      dataTable(figureColumns, figures.rows),
      heading(findings.heading),
      paragraph(findings.intro),
      ...(findings.rows.length
        ? [
            dataTable(
              [
                { header: findings.columns[0], width: 50 },
                { header: findings.columns[1], width: 12, numeric: true },
                { header: findings.columns[2], width: 38 },
              ],
              findings.rows,
            ),
          ]
        : []),
      heading(content.chart.title),
      chartParagraph(content.chart),
      ...content.signatures.map(signature),
    ],
  };
}

/** Column widths (percent) of the appendix: number, title, discovered, description, four short, cause. */
const APPENDIX_WIDTHS = [9, 14, 9, 30, 8, 8, 9, 13];

function appendixSection(appendix: CommitteeReportContent['appendix']): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: { margin: MARGIN, size: { orientation: PageOrientation.LANDSCAPE } },
    },
    children: [
      heading(appendix.heading, 1, true),
      paragraph(appendix.intro),
      ...(appendix.rows.length
        ? [
            dataTable(
              appendix.columns.map((header, i) => ({ header, width: APPENDIX_WIDTHS[i] })),
              appendix.rows,
            ),
          ]
        : []),
      paragraph(appendix.note, { italics: true }),
    ],
  };
}

/** The .docx file of the memo. */
export async function committeeReportDocx(content: CommitteeReportContent): Promise<Uint8Array> {
  return packDocx(
    styledDocument({
      lang: content.lang,
      title: content.title,
      creator: 'PUI Desk',
      sections: [memoSection(content), appendixSection(content.appendix)],
    }),
  );
}
