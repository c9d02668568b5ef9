/**
 * Delivers announcements to the DPO channel: posts an incident's card once, then updates that
 * same card in place (updateActivity). Paced per conversation; a 429 pauses the conversation.
 */
import type { Activity } from 'botbuilder';
import { Conflict, type Clock, type DueReminder, type AppStateStore, type Incident, type Logger } from '../src/domain';
import { AnnouncementDeferred, type DeliveringChannel } from '../src/use-cases';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/adaptive-card';
import { dpoChannelCard } from './cards/dpo-channel-card';
import { reminderCard, type MentionTarget } from './cards/reminder-card';
import { ConnectorError, type ConversationGateway } from './conversation-gateway';
import { channelConversationId, getDpoChannel, getPostedCard, recordPostedCard, type DpoChannel, type PostedCard, type StoredReference } from './dpo-channel';
import type { ConversationPacer } from './pacer';

/** A message holding one Adaptive Card. */
export function cardActivity(content: AdaptiveCard): Partial<Activity> {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }] };
}

export interface TeamsChannelNotifierOptions {
  appState: AppStateStore;
  clock: Clock;
  logger: Logger;
  gateway: ConversationGateway;
  pacer: ConversationPacer;
  /** Read at every render: the server learns its own address only once it listens. */
  tabUrl: () => string;
  teamsAppId?: string;
  /**
   * Whom a reminder chases when nobody owns the incident (configured DPOs); default: the DPOs
   * seen acting in the channel.
   */
  dpoMentions?: readonly MentionTarget[];
}

/** At most this many DPOs are @mentioned in one reminder. */
export const MAX_REMINDER_MENTIONS = 10;

/** The delivering side of the outbox: implements the Notifier port against Teams. */
export class TeamsChannelNotifier implements DeliveringChannel {
  constructor(private readonly options: TeamsChannelNotifierOptions) {}

  /** Nothing can be posted before a DPO channel is set (`ställ in dpo-kanal`). */
  async canDeliver(): Promise<boolean> {
    return (await getDpoChannel(this.options.appState)) !== undefined;
  }

  async incidentReported(incident: Incident): Promise<void> {
    await this.deliver(incident);
  }

  async incidentChanged(incident: Incident): Promise<void> {
    await this.deliver(incident);
  }

  /**
   * Updates the card in place (it shows the time left as of now, or that the clock stopped) and,
   * when the reminder chases, replies in the card's thread with an @mention of the owner, or of
   * the DPOs when nobody owns it. A retry after a failed reply updates the card again: harmless.
   */
  async reminderDue(incident: Incident, reminder: DueReminder): Promise<void> {
    const { posted, channel } = await this.deliver(incident);
    if (!reminder.mention) return;
    const mentions = incident.owner ? [{ id: incident.owner.id, name: incident.owner.name }] : this.dpoMentions(channel);
    const content = reminderCard(incident, reminder, { now: this.options.clock.now(), tabUrl: this.options.tabUrl(), teamsAppId: this.options.teamsAppId, mentions });
    // A reply goes to the channel conversation with the card's message id (Teams' thread id).
    const thread: StoredReference = {
      ...posted.reference,
      conversation: { ...posted.reference.conversation, id: `${channelConversationId(posted.reference.conversation.id)};messageid=${posted.activityId}` },
    };
    await this.call(posted.reference, () => this.options.gateway.send(thread, cardActivity(content)));
  }

  private dpoMentions(channel: DpoChannel | undefined): MentionTarget[] {
    const configured = this.options.dpoMentions ?? [];
    const targets = configured.length > 0 ? configured : (channel?.refreshUserIds ?? []).map((id) => ({ id, name: 'Dataskyddsombud' }));
    return targets.slice(0, MAX_REMINDER_MENTIONS);
  }

  /** Posts the card, or updates it when one was posted before (a retried or repeated announcement). */
  private async deliver(incident: Incident): Promise<{ posted: PostedCard; channel: DpoChannel | undefined }> {
    const { appState: store } = this.options;
    const channel = await getDpoChannel(store);
    const posted = await getPostedCard(store, incident.id);
    if (!posted && !channel) throw new AnnouncementDeferred('not-configured');
    const content = this.render(incident, channel);
    if (posted) {
      await this.call(posted.reference, () => this.options.gateway.update(posted.reference, posted.activityId, cardActivity(content)));
      return { posted, channel };
    }
    const reference = channel!.reference;
    const activityId = await this.call(reference, () => this.options.gateway.send(reference, cardActivity(content)));
    const card: PostedCard = { reference, activityId, postedAt: this.options.clock.now().toISOString() };
    try {
      await recordPostedCard(store, incident.id, card);
    } catch (error) {
      // Another instance posted too, despite the outbox claim (its lease ran out mid-post).
      if (!(error instanceof Conflict)) throw error;
      this.options.logger.warn('a second card was posted for one incident', { incidentId: incident.id, number: incident.number });
    }
    return { posted: card, channel };
  }

  private render(incident: Incident, channel: DpoChannel | undefined): AdaptiveCard {
    return dpoChannelCard(incident, { now: this.options.clock.now(), tabUrl: this.options.tabUrl(), teamsAppId: this.options.teamsAppId, refreshUserIds: channel?.refreshUserIds ?? [] });
  }

  /** Paces, calls, and turns a 429 into a deferral that pauses the conversation. */
  private async call<T>(reference: StoredReference, post: () => Promise<T>): Promise<T> {
    const conversationId = reference.conversation.id;
    await this.options.pacer.take(conversationId);
    try {
      return await post();
    } catch (error) {
      if (error instanceof ConnectorError && error.statusCode === 429) {
        const retryAfterMs = error.retryAfterMs ?? 5_000;
        this.options.pacer.pause(conversationId, this.options.clock.now().getTime() + retryAfterMs);
        throw new AnnouncementDeferred('rate-limited', retryAfterMs);
      }
      throw error;
    }
  }
}
