/**
 * The bot's side of the {@link ChannelPoster} port: renders incident cards and reminders and
 * posts, updates and replies in Teams. Paced per conversation within Teams' limits; a 429 pauses
 * the conversation for its Retry-After and is reported as {@link ChannelBusy}.
 */
import type { Activity } from 'botbuilder';
import {
  ChannelBusy,
  type ChannelAddress,
  type ChannelPoster,
  type DigestView,
  type DueReminder,
  type Incident,
  type IncidentCardView,
  type Locale,
  type ReminderReplyView,
} from '../src/domain';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/adaptive-card';
import { digestCard } from './cards/digest-card';
import { dpoChannelCard } from './cards/dpo-channel-card';
import { reminderCard } from './cards/reminder-card';
import { channelConversationId, referenceOf, type StoredReference } from './channel-address';
import { ConnectorError, type ConversationGateway } from './conversation-gateway';
import type { ConversationPacer } from './pacer';

/** A message holding one Adaptive Card. */
export function cardActivity(content: AdaptiveCard): Partial<Activity> {
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }] };
}

export interface TeamsCardPosterOptions {
  gateway: ConversationGateway;
  pacer: ConversationPacer;
  /** Milliseconds now, for a 429's pause. */
  now: () => number;
  /** Read at every render: the server learns its own address only once it listens. */
  tabUrl: () => string;
  teamsAppId?: string;
  /** The DPO channel's language (CHANNEL_LANGUAGE): every card, update, reminder and digest in it. Default Swedish. */
  locale?: Locale;
}

/** Posts incident cards to Teams. */
export class TeamsCardPoster implements ChannelPoster {
  constructor(private readonly options: TeamsCardPosterOptions) {}

  async postCard(to: ChannelAddress, incident: Incident, view: IncidentCardView): Promise<string> {
    const reference = referenceOf(to);
    return this.call(reference, () => this.options.gateway.send(reference, cardActivity(this.render(incident, view))));
  }

  async updateCard(to: ChannelAddress, messageId: string, incident: Incident, view: IncidentCardView): Promise<void> {
    const reference = referenceOf(to);
    await this.call(reference, () =>
      this.options.gateway.update(reference, messageId, cardActivity(this.render(incident, view))),
    );
  }

  async replyToCard(
    to: ChannelAddress,
    messageId: string,
    incident: Incident,
    reminder: DueReminder,
    view: ReminderReplyView,
  ): Promise<void> {
    const reference = referenceOf(to);
    const content = reminderCard(incident, reminder, {
      now: view.now,
      tabUrl: this.options.tabUrl(),
      teamsAppId: this.options.teamsAppId,
      mentions: view.mentions,
      locale: this.options.locale,
    });
    // A reply goes to the channel conversation with the card's message id (Teams' thread id).
    const thread: StoredReference = {
      ...reference,
      conversation: {
        ...reference.conversation,
        id: `${channelConversationId(reference.conversation.id)};messageid=${messageId}`,
      },
    };
    await this.call(reference, () => this.options.gateway.send(thread, cardActivity(content)));
  }

  async postDigest(to: ChannelAddress, digest: DigestView): Promise<string> {
    const reference = referenceOf(to);
    return this.call(reference, () => this.options.gateway.send(reference, cardActivity(this.digest(digest))));
  }

  async updateDigest(to: ChannelAddress, messageId: string, digest: DigestView): Promise<void> {
    const reference = referenceOf(to);
    await this.call(reference, () =>
      this.options.gateway.update(reference, messageId, cardActivity(this.digest(digest))),
    );
  }

  private render(incident: Incident, view: IncidentCardView): AdaptiveCard {
    return dpoChannelCard(incident, {
      now: view.now,
      tabUrl: this.options.tabUrl(),
      teamsAppId: this.options.teamsAppId,
      refreshUserIds: view.refreshUserIds,
      locale: this.options.locale,
    });
  }

  private digest(digest: DigestView): AdaptiveCard {
    return digestCard(digest, { tabUrl: this.options.tabUrl(), locale: this.options.locale });
  }

  /** Paces (per channel conversation), calls, and turns a 429 into {@link ChannelBusy} after pausing the conversation. */
  private async call<T>(reference: StoredReference, post: () => Promise<T>): Promise<T> {
    const conversationId = reference.conversation.id;
    await this.options.pacer.take(conversationId);
    try {
      return await post();
    } catch (error) {
      if (error instanceof ConnectorError && error.statusCode === 429) {
        const retryAfterMs = error.retryAfterMs ?? 5_000;
        this.options.pacer.pause(conversationId, this.options.now() + retryAfterMs);
        throw new ChannelBusy(retryAfterMs);
      }
      throw error;
    }
  }
}
