/** `ställ in dpo-kanal` in a team channel: makes it the channel where every new incident is announced. */
import { TurnContext, type Activity } from 'botbuilder';
import { isDpo, type Caller } from '../../src/domain';
import { outboxFor } from '../../src/use-cases';
import { getDpoChannel, setDpoChannel, storedReference } from '../dpo-channel';
import type { BotServices } from '../services';

/** Sets the channel of the activity as the DPO channel; returns what to answer. */
export async function setDpoChannelFrom(s: BotServices, activity: Activity, caller: Caller): Promise<string> {
  if (activity.conversation?.conversationType !== 'channel') {
    return 'DPO-kanalen ställs in i en kanal i ett team: skriv **@PUI Desk ställ in dpo-kanal** i den kanal där dataskyddsombudet ska få nya incidenter.';
  }
  if (!isDpo(caller)) {
    s.logger.info('dpo channel refused', { reason: 'not_dpo' });
    return 'Bara dataskyddsombudet kan välja vilken kanal som får nya incidenter. Inget har ändrats.';
  }
  const previous = await getDpoChannel(s.deps.appState);
  const reference = storedReference(TurnContext.getConversationReference(activity));
  const channelData = activity.channelData as { channel?: { name?: string }; team?: { name?: string } } | undefined;
  const channelName = [channelData?.team?.name, channelData?.channel?.name].filter(Boolean).join(' / ') || undefined;
  await setDpoChannel(s.deps.appState, {
    reference,
    channelName,
    setBy: { id: caller.id, name: caller.name },
    setAt: s.deps.clock.now().toISOString(),
    // The one who set it is a DPO: their client refreshes the cards from the start.
    refreshUserIds: activity.from?.id ? [activity.from.id] : [],
  });
  s.logger.info('dpo channel set', { conversationId: reference.conversation.id, replaced: Boolean(previous) });
  const waiting = (await outboxFor(s.deps.appState, s.deps.clock).pending()).length;
  s.wakeAnnouncer();
  const moved = previous && previous.reference.conversation.id !== reference.conversation.id
    ? ' Kort som redan finns i den förra kanalen uppdateras där.'
    : '';
  const queued = waiting > 0 ? ` ${waiting} väntande ${waiting === 1 ? 'incident visas' : 'incidenter visas'} här strax.` : '';
  return `Klart: den här kanalen är nu DPO-kanal. Varje ny personuppgiftsincident visas här med sin 72-timmarsklocka.${queued}${moved}`;
}
