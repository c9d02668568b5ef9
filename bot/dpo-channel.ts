/**
 * Where the DPO channel and its cards are remembered: in the store's app state, so a restart or
 * a redeploy loses neither the channel nor which card belongs to which incident.
 */
import type { ConversationReference } from 'botbuilder';
import { Conflict, type AppStateStore } from '../src/domain';
import { MAX_REFRESH_USERS } from './cards/dpo-channel-card';

export const DPO_CHANNEL_KEY = 'bot:dpo-channel';

/** The app-state key of the card posted for an incident. */
export function cardKey(incidentId: string): string {
  return `bot:dpo-card:${incidentId}`;
}

/** What is kept of a conversation to post into it later: ids and the service address, no user. */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  bot: { id: string; name: string };
}

export interface DpoChannel {
  reference: StoredReference;
  /** Team and channel names as Teams sent them, to say where the channel is. */
  channelName?: string;
  setBy: { id: string; name: string };
  setAt: string;
  /** Teams ids (MRIs) of DPOs seen acting in the channel: the card refreshes for them. */
  refreshUserIds: string[];
}

export interface PostedCard {
  reference: StoredReference;
  activityId: string;
  postedAt: string;
}

/** A channel thread's id without the `;messageid=` of a reply, so posts start new threads. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

/** Keeps what is needed to post into the conversation of an activity later. */
export function storedReference(reference: Partial<ConversationReference>): StoredReference {
  const conversation = reference.conversation;
  if (!conversation?.id || !reference.serviceUrl || !reference.bot?.id) throw new Error('The activity lacks a conversation, service URL or bot.');
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

/** The DPO channel, if one is set. */
export async function getDpoChannel(store: AppStateStore): Promise<DpoChannel | undefined> {
  return (await store.getState<DpoChannel>(DPO_CHANNEL_KEY))?.value;
}

/** Makes a channel the DPO channel (replacing any earlier one). */
export async function setDpoChannel(store: AppStateStore, channel: DpoChannel): Promise<void> {
  await store.putState(DPO_CHANNEL_KEY, channel, null);
}

/**
 * Adds a DPO's Teams id to the channel's refresh list (at most {@link MAX_REFRESH_USERS}, newest kept).
 * Returns false when there is no channel or the id was known.
 */
export async function rememberRefreshUser(store: AppStateStore, userId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const entry = await store.getState<DpoChannel>(DPO_CHANNEL_KEY);
    if (!entry || entry.value.refreshUserIds.includes(userId)) return false;
    const refreshUserIds = [...entry.value.refreshUserIds, userId].slice(-MAX_REFRESH_USERS);
    try {
      await store.putState(DPO_CHANNEL_KEY, { ...entry.value, refreshUserIds }, entry.etag);
      return true;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  }
  return false;
}

export async function getPostedCard(store: AppStateStore, incidentId: string): Promise<PostedCard | undefined> {
  return (await store.getState<PostedCard>(cardKey(incidentId)))?.value;
}

/** Records the card posted for an incident; Conflict if one was recorded already. */
export async function recordPostedCard(store: AppStateStore, incidentId: string, card: PostedCard): Promise<void> {
  await store.putState(cardKey(incidentId), card, undefined);
}
