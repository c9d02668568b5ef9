/**
 * The catalogue of named errors. Each carries a stable `code`; edges map them to
 * HTTP status or card text in exactly one place.
 */

/** One problem with one field of some input, with a stable code and a Swedish message. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  /** The same message in English, for callers whose locale is English. */
  messageEn: string;
}

/** Base of every error the domain raises on purpose. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** English text; `message` is Swedish. */
  readonly messageEn: string;
  constructor(message: string, messageEn: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.messageEn = messageEn;
  }
}

/** Input that cannot be accepted; nothing was changed. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(readonly issues: FieldIssue[]) {
    super(
      issues.length === 1
        ? issues[0].message
        : `Uppgifterna behöver rättas (${issues.length} fel): ${issues.map((i) => i.message).join(' ')}`,
      issues.length === 1
        ? issues[0].messageEn
        : `Please correct the input (${issues.length} problems): ${issues.map((i) => i.messageEn).join(' ')}`,
    );
  }
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFound extends DomainError {
  readonly code = 'not_found';
  constructor(what = 'Incidenten', whatEn = 'The incident') {
    super(`${what} finns inte.`, `${whatEn} does not exist.`);
  }
}

/** Someone else changed the item since it was read (stale etag). */
export class Conflict extends DomainError {
  readonly code = 'conflict';
  constructor(
    message = 'Någon annan har ändrat incidenten sedan du öppnade den. Ladda om och gör ändringen igen.',
    messageEn = 'Someone else changed the incident since you opened it. Reload and make the change again.',
  ) {
    super(message, messageEn);
  }
}

/** The caller is known but may not do this. */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
  constructor(
    message = 'Du har inte behörighet att göra detta. Kontakta dataskyddsombudet om du behöver det.',
    messageEn = 'You are not allowed to do this. Contact the data protection officer if you need to.',
  ) {
    super(message, messageEn);
  }
}

/** The caller could not be identified (missing or invalid token). */
export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
  constructor(
    message = 'Du är inte inloggad, eller så har inloggningen gått ut. Logga in igen.',
    messageEn = 'You are not signed in, or your sign-in has expired. Sign in again.',
  ) {
    super(message, messageEn);
  }
}

/** The action does not fit the incident's current state (e.g. changing a closed incident). */
export class InvalidState extends DomainError {
  readonly code = 'invalid_state';
  constructor(message: string, messageEn: string) {
    super(message, messageEn);
  }
}

/**
 * The store cannot be reached or refuses for now (throttled past the adapter's bound, an outage,
 * a timeout). A retry after `retryAfterSeconds` may succeed; every write is idempotent, so a
 * retry never duplicates what may have landed.
 */
export class StoreUnavailable extends DomainError {
  readonly code = 'store_unavailable';
  constructor(
    /** When a retry may succeed, in seconds. */
    readonly retryAfterSeconds: number,
    /** For the log: what failed in the adapter's terms (status, operation, request id), never a value that was stored. */
    readonly detail: Readonly<Record<string, string | number | undefined>> = {},
    options?: { cause?: unknown },
  ) {
    super(
      'Registret svarar inte just nu. Försök igen om en stund; det du skickat finns kvar i formuläret.',
      'The register is not answering right now. Try again shortly; what you sent is still in the form.',
      options,
    );
  }
}

/** Builds a {@link FieldIssue}. */
export function issue(field: string, code: string, message: string, messageEn: string): FieldIssue {
  return { field, code, message, messageEn };
}

/**
 * Where an unexpected error came from, for a log line: the first frames of its stack, without the
 * stack's first line, which repeats the message.
 * @remarks Messages may quote data (a JSON parse error quotes the text it read); frames do not.
 */
export function stackFrames(error: unknown, count = 3): string | undefined {
  const stack = (error as Error | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, count)
    .map((line) => line.trim())
    .join(' | ');
}
