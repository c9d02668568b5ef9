/**
 * The incident lists as keyset-paged SQL: each filters and sorts by an indexed column,
 * with the id as tie-breaker, and continues strictly after the last item of the previous page.
 */

/** The lists the store offers. */
export type ListName = 'reporter' | 'open' | 'all' | 'due' | 'linked';

/** The sort key and id of the last item of a page. */
export interface KeysetPosition {
  key: number;
  id: string;
}

interface ListShape {
  /** Conditions of the list itself; `?` are bound from `filter` in order. */
  where: string[];
  key: 'discovered_at' | 'deadline' | 'next_reminder_at';
  direction: 'ASC' | 'DESC';
}

const LISTS: Record<ListName, ListShape> = {
  reporter: { where: ['reporter_id = ?'], key: 'discovered_at', direction: 'DESC' },
  // `is_open = 1` literally, so the partial index applies.
  open: { where: ['is_open = 1'], key: 'deadline', direction: 'ASC' },
  all: { where: [], key: 'discovered_at', direction: 'DESC' },
  due: { where: ['next_reminder_at IS NOT NULL', 'next_reminder_at <= ?'], key: 'next_reminder_at', direction: 'ASC' },
  // `linked_to IS NOT NULL` literally, so the partial index applies.
  linked: { where: ['linked_to IS NOT NULL', 'linked_to = ?'], key: 'discovered_at', direction: 'ASC' },
};

/** Every list name, for tests that check each one. */
export const LIST_NAMES = Object.keys(LISTS) as ListName[];

/**
 * The SQL and parameters for one page of a list: `filter` binds the list's own conditions,
 * `after` continues from a cursor, `limit` caps the rows. Rows have `doc`, `id` and `sort_key`.
 */
export function listStatement(
  name: ListName,
  filter: readonly unknown[],
  after: KeysetPosition | undefined,
  limit: number,
): { sql: string; params: unknown[] } {
  const { where, key, direction } = LISTS[name];
  const conditions = [...where];
  const params: unknown[] = [...filter];
  if (after) {
    // A row value comparison walks the (key, id) index from the cursor on.
    conditions.push(`(${key}, id) ${direction === 'ASC' ? '>' : '<'} (?, ?)`);
    params.push(after.key, after.id);
  }
  params.push(limit);
  const sql = [
    `SELECT doc, id, ${key} AS sort_key FROM incidents`,
    ...(conditions.length > 0 ? [`WHERE ${conditions.join(' AND ')}`] : []),
    `ORDER BY ${key} ${direction}, id ${direction} LIMIT ?`,
  ].join(' ');
  return { sql, params };
}
