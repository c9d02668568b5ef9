/** Readable incident numbers: `PUI-<year>-<at least 4 digits>`, a sequence per year. */

export const NUMBER_PATTERN = /^PUI-(\d{4})-(\d{4,})$/;

/** The number of the `sequence`th incident of `year`; the year always in four digits, as {@link NUMBER_PATTERN} reads it. */
export function formatIncidentNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999)
    throw new RangeError('An incident number needs a year from 0 to 9999.');
  return `PUI-${String(year).padStart(4, '0')}-${String(sequence).padStart(4, '0')}`;
}

export function parseIncidentNumber(text: string): { year: number; sequence: number } | undefined {
  const m = NUMBER_PATTERN.exec(text.trim().toUpperCase());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : undefined;
}
