/**
 * The reminder posted in the thread of an incident's DPO channel card: how much time is left
 * (or how late it is, or which supplement is owed), with an @mention of the owner, or of the
 * DPOs when nobody owns the incident. Like the card it answers, it carries no title, no
 * description and no reporter.
 */
import {
  formatStockholm,
  formatTimeLeft,
  supplementDueAt,
  timeLeftMs,
  type DueReminder,
  type Incident,
  type MentionTarget,
} from '../../src/domain';
import { card, heading, plain, text, type AdaptiveCard, type CardElement, type MentionEntity } from './adaptive-card';
import { incidentLink } from './dpo-channel-card';

export type { MentionTarget };

export interface ReminderCardOptions {
  now: Date;
  tabUrl: string;
  teamsAppId?: string;
  /** Who is chased: the owner, or the DPOs (empty: nobody known). */
  mentions: readonly MentionTarget[];
}

/** What the reminder says about the clock (or the supplement) now. */
export function reminderText(incident: Incident, reminder: DueReminder, now: Date): string {
  if (reminder.stage === 'supplement-7d' || reminder.stage === 'supplement-1d') {
    const due = supplementDueAt(incident);
    if (!due) return `Anmälan av ${incident.number} till IMY gjordes i etapper; kompletteringen är registrerad.`;
    return `Anmälan av ${incident.number} till IMY gjordes i etapper. Kompletteringen ska vara hos IMY senast ${formatStockholm(due)} (${formatTimeLeft(timeLeftMs(due, now))}).`;
  }
  const ms = timeLeftMs(incident.deadline, now);
  if (ms <= 0) {
    return `Tidsfristen för att anmäla ${incident.number} till IMY gick ut ${formatStockholm(incident.deadline)} (${formatTimeLeft(ms)}). Anmäl utan dröjsmål om anmälan krävs, och ange skälen till förseningen.`;
  }
  return `${formatTimeLeft(ms)} till tidsfristen för att anmäla ${incident.number} till IMY (${formatStockholm(incident.deadline)}), om anmälan krävs.`;
}

/** The `<at>` text of each target, unique within the message (Teams pairs text and entity by it). */
function mentionEntities(targets: readonly MentionTarget[]): MentionEntity[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const base = plain(t.name.replace(/[<>]/g, '').trim()) || 'Dataskyddsombud';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base} (${n})`;
    return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id: t.id, name } };
  });
}

/** The reply card for a reminder that chases someone. */
export function reminderCard(incident: Incident, reminder: DueReminder, options: ReminderCardOptions): AdaptiveCard {
  const entities = mentionEntities(options.mentions);
  const who = entities.map((e) => e.text).join(', ');
  const body: CardElement[] = [
    heading(`Påminnelse: ${incident.number}`, { spacing: 'none' }),
    // `attention` at every stage: Teams' light `warning` (#f8d22a) on white is below 4.5:1 contrast.
    text(reminderText(incident, reminder, options.now), { color: 'attention', weight: 'bolder' }),
  ];
  if (!incident.owner)
    body.push(
      text(
        entities.length
          ? `${who}: ingen har tagit ärendet ännu.`
          : 'Ingen har tagit ärendet ännu: ta det i kortet ovan.',
      ),
    );
  else
    body.push(
      text(entities.length ? `${who}, du är ansvarig för ärendet.` : `Ansvarig: ${plain(incident.owner.name)}.`),
    );
  if (reminder.catchUp)
    body.push(text('PUI Desk kunde inte påminna i tid; så här ser det ut nu.', { isSubtle: true, size: 'small' }));
  return card(body, {
    actions: [
      {
        type: 'Action.OpenUrl',
        title: 'Öppna i fliken',
        url: incidentLink(options.tabUrl, incident.number, options.teamsAppId),
      },
    ],
    fallbackText: `Påminnelse ${incident.number}: ${reminderText(incident, reminder, options.now)}`,
    ...(entities.length ? { msteams: { entities } } : {}),
  });
}
