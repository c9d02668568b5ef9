/**
 * The committee report's chart: incidents per month (columns) and per cause (bars), drawn as SVG
 * here and turned into a PNG by resvg (no browser, no native canvas). Word shows the PNG; the
 * figures are also in the memo's text and tables, and the picture's alt text says them.
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartBar } from '../domain/committee-report';

const WIDTH = 1200;
const FONT = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";
const BAR = '#2F5597';
const AXIS = '#595959';
const TEXT = '#1A1A1A';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function text(x: number, y: number, content: string, options: { size?: number; anchor?: string; bold?: boolean } = {}) {
  return `<text x="${x}" y="${y}" font-size="${options.size ?? 22}" text-anchor="${options.anchor ?? 'start'}"${
    options.bold ? ' font-weight="bold"' : ''
  } fill="${TEXT}">${escapeXml(content)}</text>`;
}

/** Words of a label in lines of at most `width` characters (at most two lines; the rest elided). */
function wrap(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 2
    ? [
        lines[0],
        `${lines
          .slice(1)
          .join(' ')
          .slice(0, width - 1)}…`,
      ]
    : lines;
}

/** A step for the value axis that gives at most five grid lines. */
function step(max: number): number {
  for (const s of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) if (max / s <= 5) return s;
  return Math.ceil(max / 5);
}

/** Columns per month, `top` px down; returns the SVG and the panel's height. */
function monthPanel(caption: string, bars: readonly ChartBar[], top: number): { svg: string; height: number } {
  const plot = { left: 70, right: WIDTH - 30, top: top + 60, bottom: top + 330 };
  const max = Math.max(1, ...bars.map((b) => b.count));
  const s = step(max);
  const ceiling = Math.ceil(max / s) * s;
  const y = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / ceiling;
  const parts = [text(plot.left - 50, top + 30, caption, { size: 26, bold: true })];
  for (let v = 0; v <= ceiling; v += s) {
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(v)}" y2="${y(v)}" stroke="#D9D9D9"/>`);
    parts.push(text(plot.left - 10, y(v) + 7, String(v), { anchor: 'end', size: 20 }));
  }
  const slot = (plot.right - plot.left) / Math.max(1, bars.length);
  const every = Math.ceil(bars.length / 12);
  bars.forEach((b, i) => {
    const x = plot.left + i * slot + slot * 0.15;
    const w = slot * 0.7;
    parts.push(`<rect x="${x}" y="${y(b.count)}" width="${w}" height="${plot.bottom - y(b.count)}" fill="${BAR}"/>`);
    if (b.count > 0) parts.push(text(x + w / 2, y(b.count) - 8, String(b.count), { anchor: 'middle', size: 20 }));
    if (i % every === 0) parts.push(text(x + w / 2, plot.bottom + 28, b.label, { anchor: 'middle', size: 18 }));
  });
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${AXIS}"/>`);
  return { svg: parts.join(''), height: 380 };
}

/** Bars per cause, `top` px down; returns the SVG and the panel's height. */
function causePanel(caption: string, bars: readonly ChartBar[], top: number): { svg: string; height: number } {
  const row = 56;
  const plot = { left: 560, right: WIDTH - 80, top: top + 55 };
  const max = Math.max(1, ...bars.map((b) => b.count));
  const parts = [text(20, top + 30, caption, { size: 26, bold: true })];
  bars.forEach((b, i) => {
    const y = plot.top + i * row;
    const lines = wrap(b.label, 44);
    lines.forEach((line, l) =>
      parts.push(
        text(plot.left - 14, y + row / 2 + 7 + (l - (lines.length - 1) / 2) * 22, line, { anchor: 'end', size: 19 }),
      ),
    );
    const w = ((plot.right - plot.left) * b.count) / max;
    parts.push(`<rect x="${plot.left}" y="${y + 10}" width="${w}" height="${row - 20}" fill="${BAR}"/>`);
    parts.push(text(plot.left + w + 10, y + row / 2 + 7, String(b.count), { size: 20 }));
  });
  parts.push(
    `<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.top + bars.length * row}" stroke="${AXIS}"/>`,
  );
  return { svg: parts.join(''), height: 70 + bars.length * row };
}

/** The chart as an SVG document, and its size in pixels. */
export function registerChartSvg(chart: {
  byMonthCaption: string;
  byMonth: readonly ChartBar[];
  byCauseCaption: string;
  byCause: readonly ChartBar[];
}): { svg: string; width: number; height: number } {
  const months = monthPanel(chart.byMonthCaption, chart.byMonth, 0);
  const causes = causePanel(chart.byCauseCaption, chart.byCause, months.height);
  const height = months.height + causes.height;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">` +
    `<rect width="${WIDTH}" height="${height}" fill="#FFFFFF"/>${months.svg}${causes.svg}</svg>`;
  return { svg, width: WIDTH, height };
}

/** The chart as a PNG (system fonts: Liberation Sans on Debian, Arial elsewhere). */
export function registerChartPng(svg: string): Uint8Array {
  const rendered = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#FFFFFF',
  }).render();
  return new Uint8Array(rendered.asPng());
}
