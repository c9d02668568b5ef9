/**
 * The card action verbs and the data each carries. A verb is a string union, so a typo in a card
 * or a handler is a compile error; handlers are a map over the union.
 */

/** What an `Action.Execute` (or a dialog's `Action.Submit`) sends, by verb. Inputs are merged in by the client. */
export type ActionData =
  /** Open the report form (from the help card); `lang` is the language of the card the button sat on. */
  | { verb: 'report.start'; lang?: 'sv' | 'en' }
  /**
   * Submit the report form; `reportId` makes a double submit one incident. `lang` is the card's
   * language, so the answer speaks it whatever locale the client reports.
   */
  | { verb: 'report.submit'; reportId: string; lang?: 'sv' | 'en' }
  /** List the caller's reports; `lang` as for `report.start`. */
  | { verb: 'my.list'; lang?: 'sv' | 'en' }
  /** DPO: take ownership. `etag` is the version the card showed. */
  | { verb: 'incident.take'; incidentId: string; etag: string }
  /** DPO: assess the risk (inputs `risk`, `rationale`). */
  | { verb: 'incident.assess'; incidentId: string; etag: string }
  /** DPO: record the notice to IMY (inputs `imyDate`, `imyTime`, `imyReference`, `imyDelayReason`). */
  | { verb: 'incident.imyNotice'; incidentId: string; etag: string }
  /** Universal Actions refresh of a DPO channel card. */
  | { verb: 'incident.refresh'; incidentId: string };

export type Verb = ActionData['verb'];

/** The data of one verb. */
export type DataOf<V extends Verb> = Extract<ActionData, { verb: V }>;

/** Every verb, for parsing what a client sends. */
export const VERBS = [
  'report.start',
  'report.submit',
  'my.list',
  'incident.take',
  'incident.assess',
  'incident.imyNotice',
  'incident.refresh',
] as const satisfies readonly Verb[];

/** The DPO verbs that change an incident. */
export type DpoChangeVerb = 'incident.take' | 'incident.assess' | 'incident.imyNotice';

/** True when `value` is a known verb. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (VERBS as readonly string[]).includes(value);
}

/**
 * Reads the verb and data a client sent, or undefined when they do not fit the union.
 * Inputs stay in `inputs` (everything besides the verb's own fields).
 */
export function parseAction(
  verb: unknown,
  data: unknown,
): { action: ActionData; inputs: Record<string, unknown> } | undefined {
  const raw =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const v = isVerb(verb) ? verb : isVerb(raw.verb) ? raw.verb : undefined;
  if (!v) return undefined;
  const str = (key: string) => (typeof raw[key] === 'string' && raw[key] !== '' ? (raw[key] as string) : undefined);
  const { verb: _v, ...inputs } = raw;
  switch (v) {
    case 'report.start':
    case 'my.list': {
      const { lang, ...rest } = inputs;
      return { action: lang === 'en' || lang === 'sv' ? { verb: v, lang } : { verb: v }, inputs: rest };
    }
    case 'report.submit': {
      const reportId = str('reportId');
      const { reportId: _id, lang, ...rest } = inputs;
      if (!reportId) return undefined;
      return {
        action: lang === 'en' || lang === 'sv' ? { verb: v, reportId, lang } : { verb: v, reportId },
        inputs: rest,
      };
    }
    case 'incident.refresh': {
      const incidentId = str('incidentId');
      return incidentId ? { action: { verb: v, incidentId }, inputs } : undefined;
    }
    case 'incident.take':
    case 'incident.assess':
    case 'incident.imyNotice': {
      const incidentId = str('incidentId');
      const etag = str('etag');
      return incidentId && etag ? { action: { verb: v, incidentId, etag }, inputs } : undefined;
    }
  }
}
