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
  /** A line above the card for the one who acted (refusals, conflicts, confirmations). */
  notice?: { text: string; color: TextColor };
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

function assessForm(incident: Incident): CardAction {
  return {
    type: 'Action.ShowCard',
    title: 'Bedöm risken',
    card: {
      type: 'AdaptiveCard',
      body: [
        // The same ENISA rules as the tab's guided assessment, from what the report says.
        text(severitySuggestionText(incident), { isSubtle: true }),
        {
          type: 'Input.ChoiceSet',
          id: 'risk',
          label: 'Risk för de registrerades fri- och rättigheter',
          isRequired: true,
          errorMessage: 'Välj en riskbedömning.',
          style: 'expanded',
          choices: RISK_LEVELS.map((r) => ({ title: r.label, value: r.id })),
          value: incident.assessment?.risk,
        },
        {
          type: 'Input.Text',
          id: 'rationale',
          label: 'Motivering',
          isMultiline: true,
          isRequired: true,
          errorMessage: 'Skriv en motivering.',
          maxLength: 5000,
          placeholder: 'Varför denna bedömning? Skriv inga namn eller personnummer.',
        },
      ],
      actions: [
        execute(
          'Spara bedömningen',
          { verb: 'incident.assess', incidentId: incident.id, etag: incident.etag },
          { style: 'positive' },
        ),
      ],
    },
  };
}

function imyForm(incident: Incident, now: Date): CardAction {
  const late = isLate(incident.awareAt, now.toISOString());
  const body: CardElement[] = [
    // Text inputs in the Swedish form, as on the report card: Input.Date shows the client's locale (11/20/2026).
    // Empty, as in the tab: when IMY was notified is the DPO's fact to give, not "now" chosen for them.
    {
      type: 'Input.Text',
      id: 'imyDate',
      label: 'Anmäld till IMY: datum (ÅÅÅÅ-MM-DD)',
      isRequired: true,
      regex: '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$',
      errorMessage: 'Skriv datumet för anmälan som ÅÅÅÅ-MM-DD, till exempel 2026-11-20.',
      placeholder: 'ÅÅÅÅ-MM-DD',
    },
    {
      type: 'Input.Text',
      id: 'imyTime',
      label: 'Klockslag (TT:MM, svensk tid)',
      isRequired: true,
      regex: '^\\s*\\d{2}[:.]\\d{2}\\s*$',
      errorMessage: 'Skriv klockslaget för anmälan som TT:MM, till exempel 14:30.',
      placeholder: 'TT:MM',
    },
    { type: 'Input.Text', id: 'imyReference', label: 'IMY:s diarienummer (om ni har fått det)', maxLength: 100 },
    // Art. 33(4): the notice may be given in phases; the card then shows when the supplement is owed.
    {
      type: 'Input.Toggle',
      id: 'imyPhased',
      title: 'Anmälan lämnas i etapper (komplettering följer)',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    },
    {
      type: 'Input.Text',
      id: 'imyDelayReason',
      label: late
        ? 'Skäl till förseningen (krävs: mer än 72 timmar har gått)'
        : 'Skäl till förseningen (bara om anmälan gjordes efter 72 timmar)',
      isMultiline: true,
      maxLength: 5000,
    },
  ];
  return {
    type: 'Action.ShowCard',
    title: 'Registrera IMY-anmälan',
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [
        execute(
          'Spara anmälan',
          { verb: 'incident.imyNotice', incidentId: incident.id, etag: incident.etag },
          { style: 'positive' },
        ),
      ],
    },
  };
}

/** A phased notice (art. 33(4)): when the supplement is owed, or when it was sent; undefined otherwise. */
export function supplementText(incident: Incident, now: Date): string | undefined {
  const notice = incident.imyNotice;
  if (!notice?.phased) return undefined;
  if (notice.supplementedAt) return `Skickad ${formatStockholm(notice.supplementedAt)}`;
  const due = supplementDueAt(incident);
  if (!due) return undefined;
  return `Återstår: senast ${formatStockholm(due)} (${formatTimeLeft(timeLeftMs(due, now))})`;
}

/** The DPO channel card for an incident as it is now. */
export function dpoChannelCard(incident: Incident, options: DpoCardOptions): AdaptiveCard {
  const { now } = options;
  const clock = clockText(incident, now);
  const facts = [
    { title: 'Källa', value: sourceLabel(incident.source) },
    { title: 'Typ', value: breachTypesText(incident.breachTypes) },
    // What decides how fast the DPO must look: the kinds of data and how many people (no names, no description).
    { title: 'Uppgifter', value: dataCategoriesText(incident.dataCategories) },
    { title: 'Berörda', value: affectedCountText(incident.affectedCount) },
    { title: 'Upptäckt', value: formatStockholm(incident.discoveredAt) },
    { title: 'Tidsfrist IMY', value: formatStockholm(incident.deadline) },
    { title: 'Ansvarig', value: incident.owner ? plain(incident.owner.name) : 'Ingen ännu' },
    { title: 'Status', value: statusLabel(incident) },
    { title: 'Riskbedömning', value: riskLabel(incident) },
  ];
  if (incident.imyNotice?.reference)
    facts.push({ title: 'IMY:s diarienummer', value: plain(maskPersonalDataOneLine(incident.imyNotice.reference)) });
  const supplement = supplementText(incident, now);
  if (supplement) facts.push({ title: 'Komplettering till IMY', value: supplement });

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
    text(`Personuppgiftsincident ${incident.number}`, { isSubtle: true, spacing: 'none' }),
    heading(channelTitle(incident), { spacing: 'small' }),
    text(clock.text, { size: 'large', weight: 'bolder', color: clock.color, spacing: 'small' }),
    { type: 'FactSet', facts },
    text(`Uppdaterad ${formatStockholm(now)}`, { isSubtle: true, size: 'small', spacing: 'small' }),
  );

  const actions: CardAction[] = [];
  if ((options.audience ?? 'dpo') === 'dpo' && incident.status !== 'closed') {
    if (!incident.owner)
      actions.push(
        execute(
          'Ta ärendet',
          { verb: 'incident.take', incidentId: incident.id, etag: incident.etag },
          { style: 'positive' },
        ),
      );
    actions.push(assessForm(incident));
    if (!incident.imyNotice) actions.push(imyForm(incident, now));
  }
  actions.push({
    type: 'Action.OpenUrl',
    title: 'Öppna i fliken',
    url: incidentLink(options.tabUrl, incident.number, options.teamsAppId),
  });

  // Teams refreshes the card for everyone in a conversation of up to 60 members, and in larger
  // ones only for the users listed; an empty list would turn automatic refresh off altogether.
  const refreshUserIds = (options.refreshUserIds ?? []).slice(0, MAX_REFRESH_USERS);
  const refreshAction = execute('Uppdatera', { verb: 'incident.refresh', incidentId: incident.id });
  return card(body, {
    actions,
    refresh:
      refreshUserIds.length > 0 ? { action: refreshAction, userIds: [...refreshUserIds] } : { action: refreshAction },
    fallbackText: `Personuppgiftsincident ${incident.number}: ${clock.text}`,
    msteams: { width: 'Full' },
  });
}
