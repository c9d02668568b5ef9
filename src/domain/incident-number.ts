/** Readable incident numbers: `PUI-<year>-<at least 4 digits>`, a sequence per year. */

export const NUMBER_PATTERN = /^PUI-(\d{4})-(\d{4,})$/;

export function formatIncidentNumber(year: number, sequence: number): string {
  return `PUI-${year}-${String(sequence).padStart(4, '0')}`;
}

export function parseIncidentNumber(text: string): { year: number; sequence: number } | undefined {
  const m = NUMBER_PATTERN.exec(text.trim().toUpperCase());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : undefined;
}
