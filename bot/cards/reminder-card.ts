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
  type Locale,
  type MentionTarget,
} from '../../src/domain';
import { card, heading, plain, text, type AdaptiveCard, type CardElement, type MentionEntity } from './adaptive-card';
import { DPO_CARD_STRINGS } from './dpo-card-strings';
import { incidentLink } from './dpo-channel-card';

export type { MentionTarget };

export interface ReminderCardOptions {
  now: Date;
  tabUrl: string;
  teamsAppId?: string;
  /** Who is chased: the owner, or the DPOs (empty: nobody known). */
  mentions: readonly MentionTarget[];
  /** The channel's language (CHANNEL_LANGUAGE), the same as its cards'; Swedish by default. */
  locale?: Locale;
}

/** What the reminder says about the clock (or the supplement) now. */
export function reminderText(incident: Incident, reminder: DueReminder, now: Date, locale: Locale = 'sv'): string {
  const t = DPO_CARD_STRINGS[locale].reminder;
  if (reminder.stage === 'supplement-7d' || reminder.stage === 'supplement-1d') {
    const due = supplementDueAt(incident);
    if (!due) return t.supplementRecorded(incident.number);
    return t.supplementDue(incident.number, formatStockholm(due), formatTimeLeft(timeLeftMs(due, now), locale));
  }
  const ms = timeLeftMs(incident.deadline, now);
  const at = formatStockholm(incident.deadline);
  if (ms <= 0) return t.overdue(incident.number, at, formatTimeLeft(ms, locale));
  return t.left(formatTimeLeft(ms, locale), incident.number, at);
}

/** The `<at>` text of each target, unique within the message (Teams pairs text and entity by it). */
function mentionEntities(targets: readonly MentionTarget[], locale: Locale): MentionEntity[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const base = plain(t.name.replace(/[<>]/g, '').trim()) || DPO_CARD_STRINGS[locale].reminder.dpo;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base} (${n})`;
    return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id: t.id, name } };
  });
}

/** The reply card for a reminder that chases someone, in the channel's language. */
export function reminderCard(incident: Incident, reminder: DueReminder, options: ReminderCardOptions): AdaptiveCard {
  const locale = options.locale ?? 'sv';
  const t = DPO_CARD_STRINGS[locale];
  const entities = mentionEntities(options.mentions, locale);
  const who = entities.map((e) => e.text).join(', ');
  const what = reminderText(incident, reminder, options.now, locale);
  const body: CardElement[] = [
    heading(t.reminder.heading(incident.number), { spacing: 'none' }),
    // `attention` at every stage: Teams' light `warning` (#f8d22a) on white is below 4.5:1 contrast.
    text(what, { color: 'attention', weight: 'bolder' }),
  ];
  if (!incident.owner) body.push(text(entities.length ? t.reminder.nobodyTookMentioned(who) : t.reminder.nobodyTook));
  else body.push(text(entities.length ? t.reminder.youOwn(who) : t.reminder.owner(plain(incident.owner.name))));
  if (reminder.catchUp) body.push(text(t.reminder.catchUp, { isSubtle: true, size: 'small' }));
  return card(body, {
    actions: [
      {
        type: 'Action.OpenUrl',
        title: t.actions.open,
        url: incidentLink(options.tabUrl, incident.number, options.teamsAppId),
      },
    ],
    fallbackText: t.reminder.fallback(incident.number, what),
    ...(entities.length ? { msteams: { entities } } : {}),
  });
}
