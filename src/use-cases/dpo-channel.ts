/**
 * The DPO channel: where every new incident is announced, and which card there belongs to which
 * incident. Kept in the store's app state, so a restart or a redeploy loses neither.
 * The bot's entry points set and read it only through these use cases.
 */
import { Conflict, Forbidden, isDpo, type Caller, type ChannelAddress, type Person } from '../domain';
import type { UseCaseDeps } from './deps';

export const DPO_CHANNEL_KEY = 'dpo-channel';

/** The app-state key of the card posted for an incident. */
export function cardKey(incidentId: string): string {
  return `dpo-card:${incidentId}`;
}

/** Teams refreshes a card (Universal Actions) for at most 60 users; the newest DPOs are kept. */
export const MAX_REFRESH_USERS = 60;

export interface DpoChannel {
  address: ChannelAddress;
  /** Team and channel names as the platform sent them, to say where the channel is. */
  channelName?: string;
  setBy: Person;
  setAt: string;
  /** Platform user ids (Teams MRIs) of DPOs seen acting in the channel: the card refreshes for them. */
  refreshUserIds: string[];
}

/** The card posted for an incident: where, and as which message. */
export interface PostedCard {
  address: ChannelAddress;
  messageId: string;
  postedAt: string;
}

/** What setting the channel did. */
export interface SetDpoChannelResult {
  /** A channel was set before. */
  replaced: boolean;
  /** …and it was another one (its cards stay there and are updated there). */
  moved: boolean;
  /** Announcements waiting in the outbox, which now go out here. */
  waiting: number;
}

/**
 * Makes a channel the DPO channel (replacing any earlier one); DPO only. The one who set it is a
 * DPO, so `refreshUserId` (their platform id) starts the refresh list.
 */
export async function setDpoChannel(
  deps: Pick<UseCaseDeps, 'appState' | 'clock' | 'logger' | 'outbox'>,
  caller: Caller,
  channel: { address: ChannelAddress; channelName?: string; refreshUserId?: string },
): Promise<SetDpoChannelResult> {
  if (!isDpo(caller)) {
    deps.logger.info('dpo channel refused', { reason: 'not_dpo' });
    throw new Forbidden(
      'Bara dataskyddsombudet kan välja vilken kanal som får nya incidenter. Inget har ändrats.',
      'Only the data protection officer can choose the channel that gets new incidents. Nothing was changed.',
    );
  }
  const previous = await getDpoChannel(deps);
  const next: DpoChannel = {
    address: channel.address,
    channelName: channel.channelName,
    setBy: { id: caller.id, name: caller.name },
    setAt: deps.clock.now().toISOString(),
    refreshUserIds: channel.refreshUserId ? [channel.refreshUserId] : [],
  };
  await deps.appState.putState(DPO_CHANNEL_KEY, next, null);
  deps.logger.info('dpo channel set', { conversationId: channel.address.conversationId, replaced: Boolean(previous) });
  const waiting = deps.outbox ? (await deps.outbox.pending()).length : 0;
  // News held back for want of a channel can go out now.
  deps.outbox?.nudge();
  return {
    replaced: Boolean(previous),
    moved: Boolean(previous && previous.address.conversationId !== channel.address.conversationId),
    waiting,
  };
}

/** The DPO channel, if one is set. */
export async function getDpoChannel(deps: Pick<UseCaseDeps, 'appState'>): Promise<DpoChannel | undefined> {
  return (await deps.appState.getState<DpoChannel>(DPO_CHANNEL_KEY))?.value;
}

/**
 * Remembers that a DPO acted in the channel, so the cards refresh for them (at most
 * {@link MAX_REFRESH_USERS}, newest kept). False when there is no channel, the id was known, or
 * the caller is no DPO.
 */
export async function rememberChannelDpo(
  deps: Pick<UseCaseDeps, 'appState'>,
  caller: Caller,
  platformUserId: string,
): Promise<boolean> {
  if (!isDpo(caller)) return false;
  for (let attempt = 0; attempt < 5; attempt++) {
    const entry = await deps.appState.getState<DpoChannel>(DPO_CHANNEL_KEY);
    if (!entry || entry.value.refreshUserIds.includes(platformUserId)) return false;
    const refreshUserIds = [...entry.value.refreshUserIds, platformUserId].slice(-MAX_REFRESH_USERS);
    try {
      await deps.appState.putState(DPO_CHANNEL_KEY, { ...entry.value, refreshUserIds }, entry.etag);
      return true;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  }
  return false;
}

/** The card posted for an incident, if any. */
export async function getPostedCard(
  deps: Pick<UseCaseDeps, 'appState'>,
  incidentId: string,
): Promise<PostedCard | undefined> {
  return (await deps.appState.getState<PostedCard>(cardKey(incidentId)))?.value;
}

/** Records the card posted for an incident; Conflict if one was recorded already. */
export async function recordPostedCard(
  deps: Pick<UseCaseDeps, 'appState'>,
  incidentId: string,
  card: PostedCard,
): Promise<void> {
  await deps.appState.putState(cardKey(incidentId), card, undefined);
}
