/**
 * The one place where the bot turns outcomes into Teams answers: invoke responses for Universal
 * Actions, and errors into text a person can act on (never a stack, never their input echoed).
 */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { DomainError, stackFrames, type Locale, type Logger } from '../src/domain';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/adaptive-card';

/** Replaces the card the user acted on (for them; the base card changes through updateActivity). */
export function cardResponse(content: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: content as unknown as Record<string, unknown> };
}

/** A short message to the user who acted; the card stays as it was. */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

export const SOMETHING_WENT_WRONG =
  'Något gick fel hos oss, och inget ändrades. Försök igen om en stund; hjälper det inte, kontakta dataskyddsombudet direkt.';

const SOMETHING_WENT_WRONG_EN =
  'Something went wrong on our side, and nothing was changed. Try again in a while; if that does not help, contact the data protection officer directly.';

/** The text for an error in the given language: the domain's own message, or a generic one (the error is logged by name). */
export function errorText(error: unknown, logger: Logger, where: string, locale: Locale = 'sv'): string {
  if (error instanceof DomainError) return locale === 'en' ? error.messageEn : error.message;
  logger.error('bot action failed', { where, error: (error as Error)?.name, stack: stackFrames(error) });
  return locale === 'en' ? SOMETHING_WENT_WRONG_EN : SOMETHING_WENT_WRONG;
}
