/**
 * Where the bot can post again later: a Teams conversation reference, trimmed to ids and the
 * service address, and wrapped as the domain's {@link ChannelAddress}.
 */
import type { ConversationReference } from 'botbuilder';
import type { ChannelAddress } from '../src/domain';

/** What is kept of a conversation to post into it later: ids and the service address, no user. */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  bot: { id: string; name: string };
}

/** A channel thread's id without the `;messageid=` of a reply, so posts start new threads. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

/** Keeps what is needed to post into the conversation of an activity later. */
export function storedReference(reference: Partial<ConversationReference>): StoredReference {
  const conversation = reference.conversation;
  if (!conversation?.id || !reference.serviceUrl || !reference.bot?.id)
    throw new Error('The activity lacks a conversation, service URL or bot.');
  return {
    channelId: reference.channelId ?? 'msteams',
    serviceUrl: reference.serviceUrl,
    conversation: {
      id: channelConversationId(conversation.id),
      conversationType: conversation.conversationType,
      tenantId: conversation.tenantId,
      isGroup: conversation.isGroup,
    },
    bot: { id: reference.bot.id, name: reference.bot.name ?? 'PUI Desk' },
  };
}

/** The domain's address of a stored reference. */
export function addressOf(reference: StoredReference): ChannelAddress {
  return { conversationId: reference.conversation.id, route: { ...reference } };
}

/** The stored reference inside an address the bot made; throws on anything else. */
export function referenceOf(address: ChannelAddress): StoredReference {
  const r = address.route as Partial<StoredReference>;
  if (typeof r?.serviceUrl !== 'string' || typeof r.conversation?.id !== 'string' || typeof r.bot?.id !== 'string') {
    throw new Error('The channel address was not made by the Teams bot.');
  }
  return r as StoredReference;
}
