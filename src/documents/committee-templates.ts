/**
 * The organisation's own texts for the committee report: `COMMITTEE_REPORT_TEMPLATE` (Swedish)
 * and `COMMITTEE_REPORT_TEMPLATE_EN` (English) name UTF-8 text files in the domain's template
 * format (`parseCommitteeTemplate`). Read once at start; a file that cannot be read or used stops
 * the start (or the CLI) naming the variable.
 */
import { readFileSync } from 'node:fs';
import { parseCommitteeTemplate, type CommitteeTemplate } from '../domain/committee-report';
import type { Locale } from '../domain/i18n';

/** A template setting that cannot be used; the message names the variable. */
export class CommitteeTemplateSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommitteeTemplateSettingError';
  }
}

const VARIABLES: Record<Locale, string> = { sv: 'COMMITTEE_REPORT_TEMPLATE', en: 'COMMITTEE_REPORT_TEMPLATE_EN' };

/** The templates the settings name (a language without a setting keeps the app's default). */
export function committeeTemplatesFrom(
  env: Record<string, string | undefined>,
): Partial<Record<Locale, CommitteeTemplate>> {
  const templates: Partial<Record<Locale, CommitteeTemplate>> = {};
  for (const lang of ['sv', 'en'] as const) {
    const variable = VARIABLES[lang];
    const file = env[variable]?.trim();
    if (!file) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CommitteeTemplateSettingError(
        `${variable}: the file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    try {
      templates[lang] = parseCommitteeTemplate(text);
    } catch (error) {
      throw new CommitteeTemplateSettingError(`${variable} (${file}): ${(error as Error).message}`);
    }
  }
  return templates;
}
