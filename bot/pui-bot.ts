/**
 * The Teams bot's routes: chat commands, Universal Actions on cards, and the message action.
 * Each route parses the activity, calls one use case (through a handler) and renders a card.
 */
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from 'botbuilder';
import { localeFrom, type Caller, type Locale } from '../src/domain';
import type { AdaptiveCard } from './cards/adaptive-card';
import { CHAT_STRINGS } from './cards/chat-strings';
import { channelHelpCard, helpCard } from './cards/help-card';
import { callerOf } from './caller';
import { commandLocale, parseCommand, type Command } from './commands';
import { dpoAction, refreshCard } from './handlers/dpo-actions';
import { fetchReportDialog, submitReportDialog } from './handlers/message-action';
import { myIncidents } from './handlers/my-incidents';
import { newReportForm, submitReport } from './handlers/report';
import { setDpoChannelFrom } from './handlers/set-dpo-channel';
import { cardResponse, errorText, messageResponse, SOMETHING_WENT_WRONG } from './replies';
import type { BotServices } from './services';
import { parseAction, type DataOf, type Verb } from './verbs';

type ActionHandler<V extends Verb> = (
  context: TurnContext,
  caller: Caller,
  data: DataOf<V>,
  inputs: Record<string, unknown>,
) => Promise<AdaptiveCardInvokeResponse>;

/** Where a message came from: the personal chat, or somewhere others can read along. */
function scopeOf(context: TurnContext): 'personal' | 'channel' | 'groupChat' {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/**
 * The language to answer in: the language the command was written in (`report` or `rapportera`),
 * else the Teams client's (`activity.locale`, e.g. `en-US`). The Agents Playground always says
 * `en-US`, so a Swedish command gets a Swedish card there as in a Swedish Teams.
 */
function localeOf(context: TurnContext): Locale {
  return commandLocale(context.activity.text) ?? localeFrom(context.activity.locale);
}

export class PuiBot extends TeamsActivityHandler {
  /** One handler per verb: adding a verb without a handler is a compile error. */
  private readonly actions: { [V in Verb]: ActionHandler<V> } = {
    // The buttons that open a form sit on cards that carry their language (help, my reports): the form speaks it too.
    'report.start': async (context, _caller, data) =>
      cardResponse(newReportForm(this.s, 'chat', undefined, data.lang ?? localeOf(context))),
    'report.submit': async (context, caller, data, inputs) =>
      cardResponse(
        (
          await submitReport(this.s, caller, data.reportId, inputs, {
            source: 'bot',
            mode: 'chat',
            locale: data.lang ?? localeOf(context),
          })
        ).card,
      ),
    'my.list': async (context, caller, data) =>
      cardResponse(await myIncidents(this.s, caller, data.lang ?? localeOf(context))),
    'incident.take': (context, caller, data, inputs) => dpoAction(this.s, context, caller, data, inputs),
    'incident.assess': (context, caller, data, inputs) => dpoAction(this.s, context, caller, data, inputs),
    'incident.imyNotice': (context, caller, data, inputs) => dpoAction(this.s, context, caller, data, inputs),
    'incident.refresh': (context, caller, data) => refreshCard(this.s, context, caller, data),
  };

  constructor(private readonly s: BotServices) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleCommand(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botAdded && scopeOf(context) === 'personal') await this.sendCard(context, helpCard(localeOf(context)));
      await next();
    });
  }

  private async sendCard(context: TurnContext, content: AdaptiveCard): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(content)));
  }

  private async handleCommand(context: TurnContext): Promise<void> {
    // A card's Action.Submit from an old client arrives as a message with a value: not a command.
    if (!context.activity.text && context.activity.value) {
      await context.sendActivity(
        'Uppdatera Teams för att använda knappen, eller skriv **rapportera** för ett nytt formulär.',
      );
      return;
    }
    const command: Command | undefined = parseCommand(context.activity.text);
    const scope = scopeOf(context);
    const locale = localeOf(context);
    try {
      if (command === 'set-dpo-channel') {
        const caller = await callerOf(context.activity, this.s.directory);
        await context.sendActivity(MessageFactory.text(await setDpoChannelFrom(this.s, context.activity, caller)));
        return;
      }
      if (scope !== 'personal') {
        if (command === 'report' || command === 'mine')
          await context.sendActivity(MessageFactory.text(CHAT_STRINGS[locale].privateOnly));
        else await this.sendCard(context, channelHelpCard(locale));
        return;
      }
      const caller = await callerOf(context.activity, this.s.directory);
      switch (command) {
        case 'report':
          await this.sendCard(context, newReportForm(this.s, 'chat', undefined, locale));
          return;
        case 'mine':
          await this.sendCard(context, await myIncidents(this.s, caller, locale));
          return;
        case 'help':
          await this.sendCard(context, helpCard(locale));
          return;
        default:
          await context.sendActivity(MessageFactory.text(CHAT_STRINGS[locale].notUnderstood));
      }
    } catch (error) {
      await context.sendActivity(
        MessageFactory.text(errorText(error, this.s.logger, `command:${command ?? 'unknown'}`, locale)),
      );
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const parsed = parseAction(invokeValue.action?.verb, invokeValue.action?.data);
    if (!parsed) return messageResponse('Knappen kändes inte igen. Skriv **hjälp** för att börja om.');
    try {
      const caller = await callerOf(context.activity, this.s.directory);
      const handler = this.actions[parsed.action.verb] as ActionHandler<Verb>;
      return await handler(context, caller, parsed.action as DataOf<Verb>, parsed.inputs);
    } catch (error) {
      return messageResponse(errorText(error, this.s.logger, parsed.action.verb));
    }
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const locale = localeFrom(context.activity.locale);
    try {
      return fetchReportDialog(this.s, action, locale);
    } catch (error) {
      return { task: { type: 'message', value: errorText(error, this.s.logger, 'message-action-fetch', locale) } };
    }
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    try {
      const caller = await callerOf(context.activity, this.s.directory);
      return await submitReportDialog(
        this.s,
        caller,
        action,
        localeFrom(context.activity.locale),
        context.activity.conversation?.id,
      );
    } catch (error) {
      this.s.logger.error('message action failed', { error: (error as Error).name });
      return { task: { type: 'message', value: SOMETHING_WENT_WRONG } };
    }
  }
}
