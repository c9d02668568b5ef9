/**
 * Many independent item writes (creates, deletes) in `$batch`es of 20, throttled answers sent
 * again within the operation's retry budget: what the access log and culling need.
 */
import type { Logger } from '../../domain/ports';
import { ok, waitForRetry } from './batch-answers';
import { graphError } from './graph-error';
import { MAX_BATCH_REQUESTS, type BatchAnswer, type BatchRequest } from './graph-http';
import type { ListItems } from './list-items';
import type { ListKey } from './list-schema';
import { RETRYABLE_STATUSES } from './retry-policy';

/**
 * Sends every request (their ids unique), each in some batch; a throttled or failed-busy answer is
 * sent again. `done(answer)` says whether an answer settles its request (e.g. 2xx, or a duplicate
 * for an idempotent create, or 404 for a delete); any other answer fails the whole call after the
 * rest of its batch was sent. Answers how many requests were settled with a 2xx.
 */
export async function sendEach(
  items: ListItems,
  operation: string,
  requests: readonly BatchRequest[],
  done: (answer: BatchAnswer) => boolean,
  logger?: Logger,
): Promise<number> {
  let succeeded = 0;
  for (let start = 0; start < requests.length; start += MAX_BATCH_REQUESTS) {
    let pending = requests.slice(start, start + MAX_BATCH_REQUESTS);
    const budget = items.http.retry.budget();
    while (pending.length > 0) {
      const answers = await items.http.batch(operation, pending);
      const later: BatchAnswer[] = [];
      const again: BatchRequest[] = [];
      let failed: BatchAnswer | undefined;
      for (const request of pending) {
        const answer = answers.get(request.id)!;
        if (RETRYABLE_STATUSES.has(answer.status)) {
          later.push(answer);
          again.push(request);
        } else if (done(answer)) {
          if (answer.status >= 200 && answer.status < 300) succeeded++;
        } else failed ??= answer;
      }
      if (failed) throw graphError(operation, failed.status, failed.headers, failed.body);
      pending = again;
      if (later.length > 0) await waitForRetry(budget, later, operation, logger);
    }
  }
  return succeeded;
}

/** Deletes the items `itemIds` of `list` in batches; an item gone already (404) counts as deleted. */
export async function deleteEach(
  items: ListItems,
  operation: string,
  list: ListKey,
  itemIds: readonly string[],
  logger?: Logger,
): Promise<void> {
  const requests = itemIds.map((itemId, index): BatchRequest => ({
    id: String(index),
    method: 'DELETE',
    url: items.itemPath(list, itemId),
  }));
  await sendEach(items, operation, requests, (answer) => ok(answer.status) || answer.status === 404, logger);
}
