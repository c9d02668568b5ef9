/**
 * Incident numbers on SharePoint: one counter item per year in the app-state list
 * (`counter:incident-number:<year>`), bumped under If-Match in the same `$batch` as the incident
 * it numbers. A bump whose answer was lost is recognised by its `WriteId`, so a retry never takes
 * two numbers; within a process, allocation per year is serialised so its own reports never
 * contend with each other.
 */
import type { Logger } from '../../domain/ports';
import { duplicate, etagOfAnswer, ok } from './batch-answers';
import { graphError } from './graph-error';
import type { BatchAnswer, BatchRequest } from './graph-http';
import { itemEtag, stateFields, stateValue, type ListItem } from './incident-fields';
import type { ListItems } from './list-items';
import { RETRYABLE_STATUSES } from './retry-policy';
import { STATE_FIELDS } from './state-writes';

interface Counter {
  itemId: string;
  value: number;
  /** Undefined when the last write's answer carried none: read before the next bump. */
  etag?: string;
}

/** One attempt to move a year's counter on by one. */
export interface CounterBump {
  year: number;
  /** The number this bump takes if it lands. */
  value: number;
  writeId: string;
  itemId?: string;
}

/** Serialises work per key inside this process (number allocation per year). */
class KeyedMutex {
  private tails = new Map<string, Promise<unknown>>();
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

const counterKey = (year: number) => `counter:incident-number:${year}`;

export class YearCounters {
  private readonly counters = new Map<number, Counter>();
  private readonly allocation = new KeyedMutex();

  constructor(
    private readonly items: ListItems,
    private readonly newId: () => string,
    private readonly logger?: Logger,
  ) {}

  /** Runs `work` (which allocates a number of `year`) after this process's other allocations of that year. */
  allocate<T>(year: number, work: () => Promise<T>): Promise<T> {
    return this.allocation.run(String(year), work);
  }

  /** The next bump of the year's counter and its `$batch` request (id `counter`). */
  async bump(year: number): Promise<{ bump: CounterBump; request: BatchRequest }> {
    // A cached counter without an etag cannot be bumped safely: read it first.
    const cached = this.counters.get(year);
    const counter = cached?.etag ? cached : await this.read(year);
    const bump: CounterBump = {
      year,
      value: (counter?.value ?? 0) + 1,
      writeId: this.newId(),
      itemId: counter?.itemId,
    };
    const fields = stateFields(counterKey(year), bump.value, bump.writeId);
    const request: BatchRequest = counter
      ? {
          id: 'counter',
          method: 'PATCH',
          url: this.items.itemPath('state', counter.itemId, '/fields'),
          headers: { 'If-Match': counter.etag! },
          body: fields,
        }
      : { id: 'counter', method: 'POST', url: this.items.paths.state, body: { fields } };
    return { bump, request };
  }

  /**
   * What the counter's answer means: `won` (the number is ours), `lost` (another writer moved the
   * counter first: bump again), `later` (throttled: send again).
   */
  async settle(bump: CounterBump, answer: BatchAnswer): Promise<'won' | 'lost' | 'later'> {
    if (ok(answer.status)) {
      const itemId = bump.itemId ?? String((answer.body as ListItem).id);
      this.counters.set(bump.year, { itemId, value: bump.value, etag: etagOfAnswer(answer) });
      return 'won';
    }
    if (answer.status === 412 || duplicate(answer.status, answer.body)) {
      // Someone else moved the counter, or an earlier attempt of ours did and its answer was lost.
      const fresh = await this.read(bump.year);
      return fresh && fresh.writeId === bump.writeId ? 'won' : 'lost';
    }
    if (RETRYABLE_STATUSES.has(answer.status)) return 'later';
    throw graphError('incidents.create', answer.status, answer.headers, answer.body);
  }

  /** Notes a number that was allocated and then not used (another request stored the same report). */
  unused(number: string): void {
    this.logger?.warn('incident number left unused', { number, reason: 'duplicate reportId' });
  }

  clear(): void {
    this.counters.clear();
  }

  private async read(year: number): Promise<(Counter & { writeId?: string }) | undefined> {
    const key = counterKey(year);
    this.items.forget('StateKey', key);
    const item = await this.items.findOne('state', 'StateKey', key, STATE_FIELDS);
    if (!item) {
      this.counters.delete(year);
      return undefined;
    }
    const counter = { itemId: item.id, value: Number(stateValue<number>(item) ?? 0), etag: itemEtag(item) };
    this.counters.set(year, counter);
    return { ...counter, writeId: item.fields?.WriteId as string | undefined };
  }
}
