/**
 * "Rapportera som personuppgiftsincident" on a message: a dialog with the report form prefilled
 * from the message. Works where the bot is not a member: it needs nothing from the conversation
 * beyond what Teams sends with the action, and answers in the dialog, never in the conversation.
 */
import type { MessagingExtensionAction, MessagingExtensionActionResponse } from 'botbuilder';
import { formatStockholm, LIMITS, maskIdentityNumbers, parseIsoInstant, type Caller } from '../../src/domain';
import { text, type AdaptiveCard, type CardElement } from '../cards/adaptive-card';
import { stockholmInputValues, type FormValues } from '../cards/report-form-card';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card';
import { errorText } from '../replies';
import type { BotServices } from '../services';
import { parseAction } from '../verbs';
import { newReportForm, submitReport } from './report';

/** The command id of the message action in the app manifest. */
export const REPORT_MESSAGE_COMMAND = 'reportMessage';

const DIALOG_TITLE = 'Rapportera som personuppgiftsincident';

/** The warning above the prefilled form. */
export function copyWarning(): CardElement[] {
  return [
    {
      type: 'Container',
      style: 'warning',
      items: [
        text('Kopiera inte mer än som behövs', { weight: 'bolder' }),
        text(
          'Meddelandets text finns med nedan som ett utkast, med personnummer maskerade. Ta bort allt som inte behövs för att ' +
            'förstå vad som hänt: namn, kontaktuppgifter och detaljer om de berörda ska inte med.',
          { size: 'small' },
        ),
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

/** The form's values prefilled from the message: occurred = its time; description = link, sender and the masked text. */
export function prefillFromMessage(
  payload: MessagingExtensionAction['messagePayload'] | undefined,
): Partial<FormValues> {
  if (!payload) return {};
  const sentAt = typeof payload.createdDateTime === 'string' ? parseIsoInstant(payload.createdDateTime) : undefined;
  const sender = payload.from?.user?.displayName ?? payload.from?.application?.displayName;
  const body = payload.body?.content ?? '';
  // Converted first, then masked: the masker must see the text as the draft will show it.
  const messageText = maskIdentityNumbers(payload.body?.contentType === 'html' ? htmlToText(body) : body.trim());
  const header = [
    'Rapporterat från ett meddelande i Teams.',
    sender ? `Avsändare: ${sender}` : undefined,
    sentAt ? `Skickat: ${formatStockholm(sentAt)}` : undefined,
    payload.linkToMessage ? `Länk: ${payload.linkToMessage}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  const draft = messageText
    ? `${header}\n\nMeddelandets text (utkast, ta bort det som inte behövs):\n${messageText}`
    : header;
  const occurred = sentAt ? stockholmInputValues(sentAt) : undefined;
  return {
    description: draft.slice(0, LIMITS.description),
    occurredDate: occurred?.date,
    occurredTime: occurred?.time,
  };
}

function dialog(content: AdaptiveCard): MessagingExtensionActionResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: DIALOG_TITLE,
        width: 'large',
        height: 'large',
        card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content },
      },
    },
  };
}

/** Opens the dialog with the prefilled form. */
export function fetchReportDialog(s: BotServices, action: MessagingExtensionAction): MessagingExtensionActionResponse {
  return dialog(
    newReportForm(s, 'dialog', { values: prefillFromMessage(action.messagePayload), intro: copyWarning() }),
  );
}

/** The dialog's submit: errors back in the dialog, or the receipt there. */
export async function submitReportDialog(
  s: BotServices,
  caller: Caller,
  action: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const parsed = parseAction(undefined, action.data);
  if (!parsed || parsed.action.verb !== 'report.submit') {
    return { task: { type: 'message', value: 'Formuläret kändes inte igen. Stäng dialogen och försök igen.' } };
  }
  try {
    const outcome = await submitReport(s, caller, parsed.action.reportId, parsed.inputs, {
      source: 'message',
      mode: 'dialog',
      intro: copyWarning(),
    });
    return dialog(outcome.card);
  } catch (error) {
    return { task: { type: 'message', value: errorText(error, s.logger, 'message-action') } };
  }
}
