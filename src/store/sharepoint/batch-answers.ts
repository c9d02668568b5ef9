/**
 * What the adapter makes of Graph's answers: success, a refused duplicate, an etag, "try later"
 * (waited out within the operation's retry budget), and in the end a Graph failure turned into the
 * domain's `StoreUnavailable` at the edge of the adapter, so nothing above it knows Graph.
 */
import { StoreUnavailable } from '../../domain/errors';
import type { Logger } from '../../domain/ports';
import { errorParts, GraphError, graphError } from './graph-error';
import type { BatchAnswer } from './graph-http';
import type { RetryPolicy } from './retry-policy';

export const ok = (status: number) => status >= 200 && status < 300;

/**
 * A write refused because a unique column already holds the value. Graph answers 409
 * `nameAlreadyExists`; the code is checked too in case SharePoint's status differs.
 */
export function duplicate(status: number, body: unknown): boolean {
  return status === 409 || (status >= 400 && errorParts(body).code === 'nameAlreadyExists');
}

/** The etag a write's answer carries, in the body or the header; undefined when none came. */
export function etagOfAnswer(answer: BatchAnswer): string | undefined {
  const body = answer.body as Record<string, unknown> | undefined;
  const etag = body?.eTag ?? body?.['@odata.etag'] ?? answer.headers.etag;
  return typeof etag === 'string' ? etag : undefined;
}

/** Waits what the slowest throttled answer asks, within the operation's budget; past it, fails with the first. */
export async function waitForRetry(
  budget: ReturnType<RetryPolicy['budget']>,
  answers: BatchAnswer[],
  operation: string,
  logger?: Logger,
): Promise<void> {
  const retryAfter = answers
    .map((a) => a.headers['retry-after'])
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => Number(b) - Number(a))[0];
  const wait = budget.next(retryAfter);
  if (wait === undefined) {
    const last = answers[0];
    throw graphError(operation, last.status, last.headers, last.body);
  }
  logger?.warn('graph retry', { operation, status: answers[0].status, waitMs: wait });
  await budget.wait(wait);
}

/** Statuses that mean "busy, try again later" rather than "broken". */
const BUSY = new Set([0, 429, 503, 504]);

/** A Graph failure as the domain sees it; anything else unchanged. */
export function domainError(error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  // SharePoint throttled or failed: the caller may retry; the request id helps the admin find it.
  return new StoreUnavailable(
    BUSY.has(error.status) ? 30 : 5,
    { status: error.status, code: error.code, operation: error.operation, requestId: error.requestId },
    { cause: error },
  );
}

/** Runs one port operation, so that a Graph failure leaves the adapter as `StoreUnavailable`. */
export async function unlessUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw domainError(error);
  }
}
