/**
 * The one implementation of conditional app-state writes on SharePoint: each write is one request
 * (create, If-Match PATCH, or DELETE) in `$batch`es of 20, and an answer that was lost or
 * ambiguous (a retried write that may already have landed) is settled by reading back the item's
 * `WriteId`, so a retry never duplicates and never reports a false conflict.
 */
import type { StateWrite, StateWriteOutcome } from '../../domain/ports';
import { duplicate, etagOfAnswer, ok, waitForRetry } from './batch-answers';
import { GraphError, graphError } from './graph-error';
import { MAX_BATCH_REQUESTS, type BatchAnswer, type BatchRequest } from './graph-http';
import { itemEtag, stateFields, type ListItem } from './incident-fields';
import type { ListItems } from './list-items';
import { RETRYABLE_STATUSES } from './retry-policy';
import type { Logger } from '../../domain/ports';

/** The columns an app-state read needs. */
export const STATE_FIELDS = 'StateKey,Value,WriteId';
/** Rounds of one `$batch` (throttled answers sent again, a vanished item recreated) before giving up. */
const MAX_STATE_ROUNDS = 40;

/** One write of a `$batch`, and what it is sent as. */
interface StatePlan {
  /** Its place in the caller's writes (and its request id in the batch). */
  index: number;
  write: StateWrite;
  /** Tells our own landed write from someone else's when an answer was lost. */
  writeId: string;
  fields?: Record<string, unknown>;
  mode: 'create' | 'patch' | 'delete';
  itemId?: string;
}

const CONFLICT: StateWriteOutcome = { ok: false, reason: 'conflict' };

/**
 * Applies `writes` each on its own (the port's `writeStates`). Item ids come from the site's memory
 * (a listing or read noted them), else one indexed query each.
 */
export async function writeStates(
  items: ListItems,
  writes: readonly StateWrite[],
  newId: () => string,
  logger?: Logger,
): Promise<StateWriteOutcome[]> {
  const outcomes: StateWriteOutcome[] = [];
  for (let start = 0; start < writes.length; start += MAX_BATCH_REQUESTS) {
    outcomes.push(...(await writeChunk(items, writes.slice(start, start + MAX_BATCH_REQUESTS), newId, logger)));
  }
  return outcomes;
}

async function writeChunk(
  items: ListItems,
  writes: readonly StateWrite[],
  newId: () => string,
  logger?: Logger,
): Promise<StateWriteOutcome[]> {
  const outcomes: (StateWriteOutcome | undefined)[] = writes.map(() => undefined);
  const plans: StatePlan[] = [];
  for (const [index, write] of writes.entries()) {
    const writeId = newId();
    // Too large a value is refused here, before anything of the chunk is sent.
    const fields = write.kind === 'put' ? stateFields(write.key, write.value, writeId, write.dueAt) : undefined;
    const itemId =
      write.kind === 'put' && write.expectedEtag === undefined
        ? undefined
        : await items.itemIdOf('state', 'StateKey', write.key);
    if (write.kind === 'delete') {
      if (itemId) plans.push({ index, write, writeId, mode: 'delete', itemId });
      else outcomes[index] = { ok: true, etag: null }; // nothing there to delete
    } else if (itemId) plans.push({ index, write, writeId, fields, mode: 'patch', itemId });
    else if (typeof write.expectedEtag === 'string')
      outcomes[index] = CONFLICT; // replace of what is not there
    else plans.push({ index, write, writeId, fields, mode: 'create' });
  }
  const budget = items.http.retry.budget();
  let pending = plans;
  for (let round = 0; pending.length > 0; round++) {
    // A key created and deleted by others again and again under our hands: give up, do not spin.
    if (round > MAX_STATE_ROUNDS) throw new GraphError(409, 'stateContention', undefined, 'state.write');
    const answers = await items.http.batch(
      'state.write',
      pending.map((plan) => request(items, plan)),
    );
    const later: BatchAnswer[] = [];
    const again: StatePlan[] = [];
    for (const plan of pending) {
      const answer = answers.get(String(plan.index))!;
      if (RETRYABLE_STATUSES.has(answer.status)) {
        later.push(answer);
        again.push(plan);
        continue;
      }
      const settled = await settle(items, plan, answer);
      if ('retry' in settled) again.push(settled.retry);
      else outcomes[plan.index] = settled;
    }
    pending = again;
    if (later.length > 0) await waitForRetry(budget, later, 'state.write', logger);
  }
  return outcomes.map((o) => o!);
}

function request(items: ListItems, plan: StatePlan): BatchRequest {
  const ifMatch = typeof plan.write.expectedEtag === 'string' ? { 'If-Match': plan.write.expectedEtag } : undefined;
  const id = String(plan.index);
  if (plan.mode === 'create') return { id, method: 'POST', url: items.paths.state, body: { fields: plan.fields } };
  if (plan.mode === 'patch')
    return {
      id,
      method: 'PATCH',
      url: items.itemPath('state', plan.itemId!, '/fields'),
      headers: ifMatch,
      body: plan.fields,
    };
  return { id, method: 'DELETE', url: items.itemPath('state', plan.itemId!), headers: ifMatch };
}

/** What one answer means for its write: an outcome, or the write to send again (changed). */
async function settle(
  items: ListItems,
  plan: StatePlan,
  answer: BatchAnswer,
): Promise<StateWriteOutcome | { retry: StatePlan }> {
  const { key, expectedEtag } = plan.write;
  if (plan.mode === 'create') {
    if (ok(answer.status)) {
      const body = answer.body as ListItem;
      items.note('StateKey', key, body.id);
      return { ok: true, etag: etagOfAnswer(answer) ?? itemEtag(body) };
    }
    if (duplicate(answer.status, answer.body)) {
      // Our own earlier attempt landed (its answer lost), or the key was taken meanwhile.
      items.forget('StateKey', key);
      const found = await items.queryOne('state', 'StateKey', key, STATE_FIELDS);
      if (found && found.fields?.WriteId === plan.writeId) return { ok: true, etag: itemEtag(found) };
      if (found && expectedEtag === null) return { retry: { ...plan, mode: 'patch', itemId: found.id } };
      return CONFLICT;
    }
  } else if (plan.mode === 'patch') {
    if (ok(answer.status))
      return {
        ok: true,
        etag: etagOfAnswer(answer) ?? itemEtag((await items.readItem('state', plan.itemId!, 'WriteId'))!),
      };
    if (answer.status === 412) {
      const current = await items.readItem('state', plan.itemId!, 'WriteId');
      return current && current.fields?.WriteId === plan.writeId ? { ok: true, etag: itemEtag(current) } : CONFLICT;
    }
    if (answer.status === 404) {
      items.forget('StateKey', key);
      return expectedEtag === null ? { retry: { ...plan, mode: 'create', itemId: undefined } } : CONFLICT;
    }
  } else {
    if (ok(answer.status)) {
      items.forget('StateKey', key);
      return { ok: true, etag: null };
    }
    if (answer.status === 404) {
      // Gone already (deleted by someone else, or by our own attempt whose answer was lost); the
      // key may have a new item since, which an unconditional delete takes too.
      items.forget('StateKey', key);
      const found = await items.queryOne('state', 'StateKey', key, 'StateKey');
      if (!found) return { ok: true, etag: null };
      return expectedEtag === null ? { retry: { ...plan, itemId: found.id } } : CONFLICT;
    }
    if (answer.status === 412) return CONFLICT;
  }
  throw graphError('state.write', answer.status, answer.headers, answer.body);
}
