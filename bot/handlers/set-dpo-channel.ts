/** `ställ in dpo-kanal` in a team channel: makes it the channel where every new incident is announced. */
import { TurnContext, type Activity } from 'botbuilder';
import type { Caller } from '../../src/domain';
import { setDpoChannel } from '../../src/use-cases';
import { addressOf, storedReference } from '../channel-address';
import type { BotServices } from '../services';

/** Sets the channel of the activity as the DPO channel (use case setDpoChannel: DPO only); returns what to answer. */
export async function setDpoChannelFrom(s: BotServices, activity: Activity, caller: Caller): Promise<string> {
  if (activity.conversation?.conversationType !== 'channel') {
    return 'DPO-kanalen ställs in i en kanal i ett team: skriv **@PUI Desk ställ in dpo-kanal** i den kanal där dataskyddsombudet ska få nya incidenter.';
  }
  const reference = storedReference(TurnContext.getConversationReference(activity));
  const channelData = activity.channelData as { channel?: { name?: string }; team?: { name?: string } } | undefined;
  const channelName = [channelData?.team?.name, channelData?.channel?.name].filter(Boolean).join(' / ') || undefined;
  const { moved, waiting } = await setDpoChannel(s.deps, caller, {
    address: addressOf(reference),
    channelName,
    refreshUserId: activity.from?.id,
  });
  const movedText = moved ? ' Kort som redan finns i den förra kanalen uppdateras där.' : '';
  const queued =
    waiting > 0 ? ` ${waiting} väntande ${waiting === 1 ? 'incident visas' : 'incidenter visas'} här strax.` : '';
  return `Klart: den här kanalen är nu DPO-kanal. Varje ny personuppgiftsincident visas här med sin 72-timmarsklocka.${queued}${movedText}`;
}
