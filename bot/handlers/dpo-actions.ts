/**
 * The DPO's actions on a channel card: take, assess, record the IMY notice, and the refresh that
 * keeps the time left current. Each calls one use case and answers with the card as it now is.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import {
  Conflict,
  Forbidden,
  fromLocalInput,
  isDpo,
  joinDateAndTime,
  localeFrom,
  ValidationError,
  type Caller,
  type Incident,
  type Locale,
} from '../../src/domain';
import { changeIncident, getDpoChannel, getIncident, rememberChannelDpo, type ChangeKind } from '../../src/use-cases';
import type { TextColor } from '../cards/adaptive-card';
import { dpoChannelCard } from '../cards/dpo-channel-card';
import { DPO_STRINGS, type DpoStrings } from '../cards/dpo-strings';
import { cardResponse, errorText, messageResponse } from '../replies';
import type { BotServices } from '../services';
import type { DataOf, DpoChangeVerb } from '../verbs';

function text(inputs: Record<string, unknown>, key: string): string | undefined {
  const v = inputs[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * An `Input.Toggle`: the client sends its `valueOn`/`valueOff` as the strings `"true"`/`"false"`;
 * missing (an older card) is off. Undefined when the value is neither.
 */
function toggle(inputs: Record<string, unknown>, key: string): boolean | undefined {
  const v = inputs[key];
  if (v === undefined || v === null || v === '' || v === false || v === 'false') return false;
  if (v === true || v === 'true') return true;
  return undefined;
}

/** The use-case change and its input for a verb; a string when the card's inputs cannot be read. */
function changeFor(
  verb: DpoChangeVerb,
  inputs: Record<string, unknown>,
  t: DpoStrings,
): { kind: ChangeKind; raw: Record<string, unknown>; done: string } | string {
  switch (verb) {
    case 'incident.take':
      return { kind: 'take', raw: {}, done: t.taken };
    case 'incident.assess':
      return {
        kind: 'assess',
        raw: { risk: text(inputs, 'risk'), rationale: text(inputs, 'rationale') },
        done: t.assessed,
      };
    case 'incident.imyNotice': {
      const date = text(inputs, 'imyDate');
      const notifiedAt = fromLocalInput(joinDateAndTime(date ?? '', text(inputs, 'imyTime') ?? ''));
      if (date && !notifiedAt) return t.imyUnreadable;
      const phased = toggle(inputs, 'imyPhased');
      if (phased === undefined) return t.phasedUnreadable;
      return {
        kind: 'imy-notice',
        raw: {
          notifiedAt,
          reference: text(inputs, 'imyReference'),
          phased,
          delayReason: text(inputs, 'imyDelayReason'),
        },
        done: phased ? t.imyPhased : t.imyRecorded,
      };
    }
  }
}

/** The language of the DPO channel card (CHANNEL_LANGUAGE), and so of the notices shown on it. */
function cardLocale(s: BotServices): Locale {
  return s.config.channelLocale ?? 'sv';
}

async function render(
  s: BotServices,
  incident: Incident,
  notice?: { text: string; color: TextColor },
): Promise<AdaptiveCardInvokeResponse> {
  const channel = await getDpoChannel(s.deps);
  return cardResponse(
    dpoChannelCard(incident, {
      now: s.deps.clock.now(),
      tabUrl: s.config.tabUrl,
      teamsAppId: s.config.teamsAppId,
      refreshUserIds: channel?.refreshUserIds,
      notice,
      locale: cardLocale(s),
    }),
  );
}

/** A DPO action on a card. A non-DPO gets a polite refusal and nothing changes. */
export async function dpoAction(
  s: BotServices,
  context: TurnContext,
  caller: Caller,
  action: DataOf<DpoChangeVerb>,
  inputs: Record<string, unknown>,
): Promise<AdaptiveCardInvokeResponse> {
  // Notices appear on the card, in the channel's language; a bare message speaks the acting client's language.
  const cardLang = cardLocale(s);
  const t = DPO_STRINGS[cardLang];
  const messageLocale = localeFrom(context.activity.locale);
  const change = changeFor(action.verb, inputs, t);
  try {
    // The use case checks the role as well; checked first here so that no path (an input it
    // cannot read, say) answers someone who is not a DPO with the DPO card.
    if (!isDpo(caller))
      throw new Forbidden(
        'Bara dataskyddsombudet kan ändra en incident.',
        'Only the data protection officer can change an incident.',
      );
    if (typeof change === 'string') {
      return await render(s, (await getIncident(s.deps, caller, action.incidentId)).incident, {
        text: change,
        color: 'attention',
      });
    }
    // The use case checks the DPO role and the etag the card showed; the card is updated in place through the outbox.
    const incident = await changeIncident(s.deps, caller, change.kind, action.incidentId, change.raw, action.etag);
    if (context.activity.from?.id) await rememberChannelDpo(s.deps, caller, context.activity.from.id);
    return await render(s, incident, { text: change.done, color: 'good' });
  } catch (error) {
    if (error instanceof Conflict) {
      const { incident } = await getIncident(s.deps, caller, action.incidentId);
      return render(s, incident, { text: t.conflict, color: 'attention' });
    }
    if (error instanceof ValidationError) {
      const { incident } = await getIncident(s.deps, caller, action.incidentId);
      const issues = error.issues.map((i) => (cardLang === 'en' ? i.messageEn : i.message)).join(' ');
      return render(s, incident, { text: t.notSaved(issues), color: 'attention' });
    }
    if (error instanceof Forbidden) s.logger.info('dpo action refused', { verb: action.verb, reason: 'not_dpo' });
    return messageResponse(errorText(error, s.logger, action.verb, messageLocale));
  }
}

/** Universal Actions refresh: the card with the time left as of now (DPOs only). */
export async function refreshCard(
  s: BotServices,
  context: TurnContext,
  caller: Caller,
  action: DataOf<'incident.refresh'>,
): Promise<AdaptiveCardInvokeResponse> {
  const locale = localeFrom(context.activity.locale);
  if (!isDpo(caller)) return messageResponse(DPO_STRINGS[locale].refreshDpoOnly);
  try {
    return await render(s, (await getIncident(s.deps, caller, action.incidentId)).incident);
  } catch (error) {
    return messageResponse(errorText(error, s.logger, action.verb, locale));
  }
}
