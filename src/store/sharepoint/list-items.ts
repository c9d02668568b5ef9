/**
 * The four lists of one site as the adapter reads them: where their items live, which item holds
 * which identity (remembered, so a known item costs one direct read), lookups by a unique indexed
 * column, and pages of a query. Shared by the incident store and the app-state store of a site.
 */
import { issue, ValidationError } from '../../domain/errors';
import type { Page } from '../../domain/ports';
import { GraphError } from './graph-error';
import { odataString, query, type GraphHttp } from './graph-http';
import type { ListItem } from './incident-fields';
import type { ListKey } from './list-schema';
import { sitePath } from './site-lists';

/** Page size when the caller gives none, and the cap the port allows. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** Item ids remembered before the map starts over. */
const MAX_REMEMBERED = 60_000;

/** A page size the caller asked for, within the port's bounds. */
export function pageSize(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT));
}

/**
 * SharePoint keeps dateTime to the second: the whole second at or after `ms`, as SharePoint
 * spells it. Queries ask up to it, then keep the exact matches.
 */
export function secondCeiling(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** SharePoint compares text without regard to case; the domain's ids and keys are compared exactly. */
export function sameValue(found: unknown, wanted: string): boolean {
  return typeof found === 'string' && found === wanted;
}

export class ListItems {
  /** `…/lists/<id>/items` of each list. */
  readonly paths: Record<ListKey, string>;
  /** `column:value` → item id. An item's identity columns never change, so this never goes stale; a miss falls back to a query. */
  private readonly itemIds = new Map<string, string>();

  constructor(
    readonly http: GraphHttp,
    siteId: string,
    lists: Record<ListKey, string>,
  ) {
    const site = sitePath(siteId);
    this.paths = {
      incidents: `${site}/lists/${lists.incidents}/items`,
      events: `${site}/lists/${lists.events}/items`,
      state: `${site}/lists/${lists.state}/items`,
      access: `${site}/lists/${lists.access}/items`,
    };
  }

  /** The path of one item, or of its fields (for PATCH). */
  itemPath(list: ListKey, itemId: string, part: '' | '/fields' = ''): string {
    return `${this.paths[list]}/${itemId}${part}`;
  }

  /** Notes which item holds `value` in the unique `column`. */
  note(column: string, value: string, itemId: string): void {
    if (this.itemIds.size >= MAX_REMEMBERED) this.itemIds.clear(); // a bound, not a cache policy: a miss only costs a query
    this.itemIds.set(`${column}:${value}`, itemId);
  }

  forget(column: string, value: string): void {
    this.itemIds.delete(`${column}:${value}`);
  }

  clear(): void {
    this.itemIds.clear();
  }

  /** The id of the item holding `value` in `column`: remembered, else one indexed query. */
  async itemIdOf(list: ListKey, column: string, value: string): Promise<string | undefined> {
    const known = this.itemIds.get(`${column}:${value}`);
    if (known) return known;
    return (await this.queryOne(list, column, value, column))?.id;
  }

  /** One item by a unique column: a direct read when its id is known, else an indexed query. */
  async findOne(list: ListKey, column: string, value: string, select: string): Promise<ListItem | undefined> {
    const known = this.itemIds.get(`${column}:${value}`);
    if (known) {
      const item = await this.readItem(list, known, select);
      if (item && sameValue(item.fields?.[column], value)) return item;
      this.forget(column, value); // deleted or edited in SharePoint: ask the index
    }
    return this.queryOne(list, column, value, select);
  }

  /** One item by a unique indexed column, always asking SharePoint. */
  async queryOne(list: ListKey, column: string, value: string, select: string): Promise<ListItem | undefined> {
    const path = `${this.paths[list]}${query({
      $expand: `fields($select=${select})`,
      $filter: `fields/${column} eq ${odataString(value)}`,
      $top: 1,
    })}`;
    const { body } = await this.http.send<{ value?: ListItem[] }>(`${list}.find`, 'GET', path);
    const item = (body.value ?? []).find((i) => sameValue(i.fields?.[column], value));
    if (item) this.note(column, value, item.id);
    return item;
  }

  /** One item by id; undefined when it is gone. */
  async readItem(list: ListKey, itemId: string, select: string): Promise<ListItem | undefined> {
    try {
      const { body } = await this.http.send<ListItem>(
        `${list}.read`,
        'GET',
        `${this.itemPath(list, itemId)}${query({ $expand: `fields($select=${select})` })}`,
      );
      return body;
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * One page of a query. The cursor is SharePoint's skiptoken only: the caller rebuilds the filter
   * every time, so a cursor handed back by a client can move within its own query but never widen it.
   */
  async page(
    operation: string,
    list: ListKey,
    params: { select: string; filter?: string; orderby: string; limit?: number; cursor?: string },
  ): Promise<Page<ListItem>> {
    const path = `${this.paths[list]}${query({
      $expand: `fields($select=${params.select})`,
      $filter: params.filter,
      $orderby: params.orderby,
      $top: pageSize(params.limit),
      $skiptoken: params.cursor,
    })}`;
    let body: { value?: ListItem[]; '@odata.nextLink'?: string };
    try {
      ({ body } = await this.http.send<{ value?: ListItem[]; '@odata.nextLink'?: string }>(operation, 'GET', path));
    } catch (error) {
      if (params.cursor && error instanceof GraphError && error.status === 400) {
        throw new ValidationError([
          issue(
            'cursor',
            'invalid_cursor',
            'Sidmarkören gäller inte längre. Börja om från första sidan.',
            'The page cursor is not valid. Start again from the first page.',
          ),
        ]);
      }
      throw error;
    }
    const nextLink = body['@odata.nextLink'];
    const next = nextLink ? (new URL(nextLink).searchParams.get('$skiptoken') ?? undefined) : undefined;
    const items = body.value ?? [];
    return next ? { items, next } : { items };
  }

  /**
   * The ids of every item the query finds that `pick` keeps, in the query's order, page by page
   * (pages of {@link MAX_LIMIT}); at most `limit`, when given, and no page read past it.
   */
  async idsWhere(
    operation: string,
    list: ListKey,
    params: { select: string; filter: string; orderby: string },
    pick: (item: ListItem) => boolean,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.page(operation, list, { ...params, limit: MAX_LIMIT, cursor });
      for (const item of page.items) if (pick(item)) ids.push(item.id);
      cursor = page.next;
    } while (cursor && ids.length < limit);
    return ids.slice(0, limit);
  }
}
