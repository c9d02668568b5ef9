/**
 * The card in the DPO channel: what the DPO needs to act, nothing more. No description, no
 * reporter, no names of data subjects; every text a person typed is masked for identity
 * numbers and e-mail addresses.
 */
import {
  formatStockholm,
  formatTimeLeft,
  isLate,
  maskPersonalDataOneLine,
  RISK_LEVELS,
  severitySuggestionText,
  supplementDueAt,
  timeLeftMs,
  withoutDirectionControls,
  type Incident,
  type Locale,
} from '../../src/domain';
import {
  card,
  execute,
  heading,
  plain,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextColor,
} from './adaptive-card';
import {
  affectedCountText,
  breachTypesText,
  clockText,
  dataCategoriesText,
  riskLabel,
  sourceLabel,
  statusLabel,
} from './labels';
import { DPO_CARD_STRINGS, type DpoCardStrings } from './dpo-card-strings';

import { MAX_REFRESH_USERS } from '../../src/use-cases/dpo-channel';

/** At most this many users get automatic refresh (Teams' limit for `refresh.userIds`; the DPO channel keeps no more). */
export { MAX_REFRESH_USERS };

export interface DpoCardOptions {
  now: Date;
  /** The tab's address; the card links to the incident there. */
  tabUrl: string;
  /** The Teams app id: when known, "open in the tab" is a Teams deep link to the board tab. */
  teamsAppId?: string;
  /** Teams user ids (MRIs) whose clients refresh the card when they see it: the DPOs. */
  refreshUserIds?: readonly string[];
  /** `dpo` (default): with the actions. `viewer`: read only. */
  audience?: 'dpo' | 'viewer';
  /** A line above the card for the one who acted (refusals, conflicts, confirmations), in the card's language. */
  notice?: { text: string; color: TextColor };
  /** The channel's language (CHANNEL_LANGUAGE); Swedish by default. Every update of a card uses the same. */
  locale?: Locale;
}

/** The incident's page in the tab (its hash route `#/incident/<number>`). */
export function incidentTabUrl(tabUrl: string, number: string): string {
  const url = new URL(tabUrl);
  url.hash = `/incident/${encodeURIComponent(number)}`;
  return url.toString();
}

/**
 * Where "open in the tab" leads: a Teams deep link to the board tab naming the incident (so it opens
 * inside Teams, signed in), or the tab's web address when the Teams app id is not configured.
 */
export function incidentLink(tabUrl: string, number: string, teamsAppId?: string): string {
  const web = incidentTabUrl(tabUrl, number);
  if (!teamsAppId) return web;
  const query = new URLSearchParams({ webUrl: web, label: number, context: JSON.stringify({ subEntityId: number }) });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/board?${query.toString()}`;
}

/**
 * The title as the channel may show it: identity numbers and e-mail addresses masked first (in
 * every spelling, also split over lines), then on one line (a line break would break the heading).
 */
export function channelTitle(incident: Pick<Incident, 'title'>): string {
  // Direction controls go before masking too: one inside a number must not split it from the masker.
  return plain(maskPersonalDataOneLine(withoutDirectionControls(incident.title)));
}

function assessForm(incident: Incident, locale: Locale): CardAction {
  const t = DPO_CARD_STRINGS[locale];
  return {
    type: 'Action.ShowCard',
    title: t.actions.assess,
    card: {
      type: 'AdaptiveCard',
      body: [
        // The same ENISA rules as the tab's guided assessment, from what the report says.
        text(severitySuggestionText(incident, locale), { isSubtle: true }),
        {
          type: 'Input.ChoiceSet',
          id: 'risk',
          label: t.assess.risk,
          isRequired: true,
          errorMessage: t.assess.riskError,
          style: 'expanded',
          choices: RISK_LEVELS.map((r) => ({ title: locale === 'en' ? r.labelEn : r.label, value: r.id })),
          value: incident.assessment?.risk,
        },
        {
          type: 'Input.Text',
          id: 'rationale',
          label: t.assess.rationale,
          isMultiline: true,
          isRequired: true,
          errorMessage: t.assess.rationaleError,
          maxLength: 5000,
          placeholder: t.assess.rationalePlaceholder,
        },
      ],
      actions: [
        execute(
          t.actions.saveAssessment,
          { verb: 'incident.assess', incidentId: incident.id, etag: incident.etag },
          { style: 'positive' },
        ),
      ],
    },
  };
}

function imyForm(incident: Incident, now: Date, t: DpoCardStrings): CardAction {
  const late = isLate(incident.awareAt, now.toISOString());
  const body: CardElement[] = [
    // Text inputs in the Swedish form, as on the report card: Input.Date shows the client's locale (11/20/2026).
    // Empty, as in the tab: when IMY was notified is the DPO's fact to give, not "now" chosen for them.
    {
      type: 'Input.Text',
      id: 'imyDate',
      label: t.imy.date,
      isRequired: true,
      regex: '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$',
      errorMessage: t.imy.dateError,
      placeholder: t.imy.datePlaceholder,
    },
    {
      type: 'Input.Text',
      id: 'imyTime',
      label: t.imy.time,
      isRequired: true,
      regex: '^\\s*\\d{2}[:.]\\d{2}\\s*$',
      errorMessage: t.imy.timeError,
      placeholder: t.imy.timePlaceholder,
    },
    { type: 'Input.Text', id: 'imyReference', label: t.imy.reference, maxLength: 100 },
    // Art. 33(4): the notice may be given in phases; the card then shows when the supplement is owed.
    {
      type: 'Input.Toggle',
      id: 'imyPhased',
      title: t.imy.phased,
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    },
    {
      type: 'Input.Text',
      id: 'imyDelayReason',
      label: late ? t.imy.delayLate : t.imy.delay,
      isMultiline: true,
      maxLength: 5000,
    },
  ];
  return {
    type: 'Action.ShowCard',
    title: t.actions.imy,
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [
        execute(
          t.actions.saveImy,
          { verb: 'incident.imyNotice', incidentId: incident.id, etag: incident.etag },
          { style: 'positive' },
        ),
      ],
    },
  };
}

/** A phased notice (art. 33(4)): when the supplement is owed, or when it was sent; undefined otherwise. */
export function supplementText(incident: Incident, now: Date, locale: Locale = 'sv'): string | undefined {
  const t = DPO_CARD_STRINGS[locale];
  const notice = incident.imyNotice;
  if (!notice?.phased) return undefined;
  if (notice.supplementedAt) return t.supplementSent(formatStockholm(notice.supplementedAt));
  const due = supplementDueAt(incident);
  if (!due) return undefined;
  return t.supplementDue(formatStockholm(due), formatTimeLeft(timeLeftMs(due, now), locale));
}

/** The card's facts: what decides how fast the DPO must look (no names, no description). */
function facts(incident: Incident, now: Date, locale: Locale): { title: string; value: string }[] {
  const t = DPO_CARD_STRINGS[locale];
  const list = [
    { title: t.facts.source, value: sourceLabel(incident.source, locale) },
    { title: t.facts.type, value: breachTypesText(incident.breachTypes, locale) },
    // The kinds of data and how many people decide how fast the DPO must look.
    { title: t.facts.data, value: dataCategoriesText(incident.dataCategories, locale) },
    { title: t.facts.affected, value: affectedCountText(incident.affectedCount, locale) },
    { title: t.facts.discovered, value: formatStockholm(incident.discoveredAt) },
    { title: t.facts.deadline, value: formatStockholm(incident.deadline) },
    { title: t.facts.owner, value: incident.owner ? plain(incident.owner.name) : t.noOwner },
    { title: t.facts.status, value: statusLabel(incident, locale) },
    { title: t.facts.risk, value: riskLabel(incident, locale) },
  ];
  if (incident.imyNotice?.reference)
    list.push({ title: t.facts.imyReference, value: plain(maskPersonalDataOneLine(incident.imyNotice.reference)) });
  const supplement = supplementText(incident, now, locale);
  if (supplement) list.push({ title: t.facts.supplement, value: supplement });
  return list;
}

function actionsFor(incident: Incident, options: DpoCardOptions, locale: Locale): CardAction[] {
  const t = DPO_CARD_STRINGS[locale];
  const actions: CardAction[] = [];
  if ((options.audience ?? 'dpo') === 'dpo' && incident.status !== 'closed') {
    if (!incident.owner)
      actions.push(
        execute(
          t.actions.take,
          { verb: 'incident.take', incidentId: incident.id, etag: incident.etag },
          { style: 'positive' },
        ),
      );
    actions.push(assessForm(incident, locale));
    if (!incident.imyNotice) actions.push(imyForm(incident, options.now, t));
  }
  actions.push({
    type: 'Action.OpenUrl',
    title: t.actions.open,
    url: incidentLink(options.tabUrl, incident.number, options.teamsAppId),
  });
  return actions;
}

/** The DPO channel card for an incident as it is now, in the channel's language. */
export function dpoChannelCard(incident: Incident, options: DpoCardOptions): AdaptiveCard {
  const { now } = options;
  const locale = options.locale ?? 'sv';
  const t = DPO_CARD_STRINGS[locale];
  const clock = clockText(incident, now, locale);
  const body: CardElement[] = [];
  if (options.notice)
    body.push({
      type: 'Container',
      style: options.notice.color === 'attention' ? 'attention' : 'emphasis',
      // The container says how it went; the text stays default: attention red on the attention
      // background, and Teams' light good/warning on white, are below 4.5:1 contrast.
      items: [text(options.notice.text, { weight: 'bolder' })],
    });
  body.push(
    text(t.incident(incident.number), { isSubtle: true, spacing: 'none' }),
    heading(channelTitle(incident), { spacing: 'small' }),
    text(clock.text, { size: 'large', weight: 'bolder', color: clock.color, spacing: 'small' }),
    { type: 'FactSet', facts: facts(incident, now, locale) },
    text(t.updated(formatStockholm(now)), { isSubtle: true, size: 'small', spacing: 'small' }),
  );

  // Teams refreshes the card for everyone in a conversation of up to 60 members, and in larger
  // ones only for the users listed; an empty list would turn automatic refresh off altogether.
  const refreshUserIds = (options.refreshUserIds ?? []).slice(0, MAX_REFRESH_USERS);
  const refreshAction = execute(t.actions.refresh, { verb: 'incident.refresh', incidentId: incident.id });
  return card(body, {
    actions: actionsFor(incident, options, locale),
    refresh:
      refreshUserIds.length > 0 ? { action: refreshAction, userIds: [...refreshUserIds] } : { action: refreshAction },
    fallbackText: `${t.incident(incident.number)}: ${clock.text}`,
    msteams: { width: 'Full' },
  });
}
