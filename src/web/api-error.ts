/** The API's error answers as the browser pages (tab, Outlook add-in) see them. */

/** One field's problem, as the API reports it (already in the caller's language). */
export interface ApiIssue {
  field: string;
  code: string;
  message: string;
}

/** A failed API call (`{ error: { code, message, issues } }`): HTTP status (0 when no answer came: unreachable, or refused before sending), stable code, message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Someone else changed the incident since it was read (412, stale etag). */
  get isConflict(): boolean {
    return this.status === 412 || this.code === 'conflict';
  }
}
