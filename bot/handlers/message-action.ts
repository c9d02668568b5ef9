/**
 * "Rapportera som personuppgiftsincident" on a message: a dialog with the report form prefilled
 * from the message. Works where the bot is not a member: it needs nothing from the conversation
 * beyond what Teams sends with the action, and answers in the dialog, never in the conversation.
 */
import type { MessagingExtensionAction, MessagingExtensionActionResponse } from 'botbuilder';
import {
  formatStockholm,
  LIMITS,
  maskIdentityNumbers,
  parseIsoInstant,
  teamsSourceMessageId,
  type Caller,
  type Locale,
} from '../../src/domain';
import { text, type AdaptiveCard, type CardElement } from '../cards/adaptive-card';
import { MESSAGE_ACTION_STRINGS } from '../cards/message-action-strings';
import { stockholmInputValues, type FormValues } from '../cards/report-form-card';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card';
import { errorText } from '../replies';
import type { BotServices } from '../services';
import { parseAction } from '../verbs';
import { newReportForm, submitReport } from './report';

/** The command id of the message action in the app manifest. */
export const REPORT_MESSAGE_COMMAND = 'reportMessage';

/** The warning above the prefilled form; `cut` when the message was longer than a description may be. */
export function copyWarning(locale: Locale = 'sv', cut = false): CardElement[] {
  const t = MESSAGE_ACTION_STRINGS[locale];
  return [
    {
      type: 'Container',
      style: 'warning',
      items: [
        text(t.copyHeading, { weight: 'bolder' }),
        text(t.copyBody, { size: 'small' }),
        ...(cut ? [text(t.cut, { size: 'small', weight: 'bolder' })] : []),
      ],
    },
  ];
}

/**
 * Message HTML as plain text: line breaks kept, tags dropped, common and numeric entities decoded.
 * @remarks Linear in the length of the message: no pattern may rescan a long run (`<<<<…`, spaces
 * without a line break) from every position in it, as `<[^>]*>` and `[ \t]+\n` would.
 */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
      .replace(/<[^<>]*>/g, '')
      .replace(/&nbsp;/gi, ' ')
      .replace(/&lt;/gi, '<')
      .replace(/&gt;/gi, '>')
      .replace(/&quot;/gi, '"')
      .replace(/&#39;|&apos;/gi, "'")
      // Numeric references too (`&#8209;`, `&#x200B;`): a number written with them must reach the masker as characters.
      .replace(/&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi, (entity, hex: string | undefined, dec: string | undefined) => {
        const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : entity;
      })
      .replace(/&amp;/gi, '&')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * The form's values prefilled from the message: occurred = its time; description = link, sender and
 * the masked text, at most as long as a description may be (`cut` says it was cut, and the dialog says so).
 */
export function prefillFromMessage(
  payload: MessagingExtensionAction['messagePayload'] | undefined,
  locale: Locale = 'sv',
): Partial<FormValues> & { cut?: boolean } {
  if (!payload) return {};
  const t = MESSAGE_ACTION_STRINGS[locale];
  const sentAt = typeof payload.createdDateTime === 'string' ? parseIsoInstant(payload.createdDateTime) : undefined;
  const sender = payload.from?.user?.displayName ?? payload.from?.application?.displayName;
  const body = payload.body?.content ?? '';
  // Converted first, then masked: the masker must see the text as the draft will show it.
  const messageText = maskIdentityNumbers(payload.body?.contentType === 'html' ? htmlToText(body) : body.trim());
  const header = [
    t.fromTeams,
    sender ? t.sender(sender) : undefined,
    sentAt ? t.sent(formatStockholm(sentAt)) : undefined,
    payload.linkToMessage ? t.link(payload.linkToMessage) : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  const draft = messageText ? `${header}\n\n${t.messageText}\n${messageText}` : header;
  const occurred = sentAt ? stockholmInputValues(sentAt) : undefined;
  return {
    description: draft.slice(0, LIMITS.description),
    occurredDate: occurred?.date,
    occurredTime: occurred?.time,
    ...(draft.length > LIMITS.description ? { cut: true } : {}),
  };
}

function dialog(content: AdaptiveCard, locale: Locale): MessagingExtensionActionResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: MESSAGE_ACTION_STRINGS[locale].dialogTitle,
        width: 'large',
        height: 'large',
        card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content },
      },
    },
  };
}

/** Opens the dialog with the prefilled form, in the Teams client's language. */
export function fetchReportDialog(
  s: BotServices,
  action: MessagingExtensionAction,
  locale: Locale = 'sv',
): MessagingExtensionActionResponse {
  const { cut, ...values } = prefillFromMessage(action.messagePayload, locale);
  return dialog(newReportForm(s, 'dialog', { values, intro: copyWarning(locale, cut) }, locale), locale);
}

/** The dialog's submit: errors back in the dialog, or the receipt there. */
export async function submitReportDialog(
  s: BotServices,
  caller: Caller,
  action: MessagingExtensionAction,
  clientLocale: Locale = 'sv',
  conversationId?: string,
): Promise<MessagingExtensionActionResponse> {
  const parsed = parseAction(undefined, action.data);
  if (!parsed || parsed.action.verb !== 'report.submit') {
    return { task: { type: 'message', value: MESSAGE_ACTION_STRINGS[clientLocale].unknownForm } };
  }
  // The form's language travels with its submit, as in the chat.
  const locale = parsed.action.lang ?? clientLocale;
  try {
    const outcome = await submitReport(s, caller, parsed.action.reportId, parsed.inputs, {
      source: 'message',
      mode: 'dialog',
      intro: copyWarning(locale),
      locale,
      // Teams sends the message with the dialog's submit too: reports of one message are grouped.
      sourceMessageId: teamsSourceMessageId(conversationId, action.messagePayload?.id),
    });
    return dialog(outcome.card, locale);
  } catch (error) {
    return { task: { type: 'message', value: errorText(error, s.logger, 'message-action', locale) } };
  }
}
