/** Opaque page cursors: base64url of the list name, the last item's sort key and its id (or key). */
import type { ValidationError } from '../../domain/errors';
import { fieldError } from '../../domain/incident-changes';
import type { KeysetPosition, ListName } from './list-queries';

/** What a cursor pages through: an incident list, or the scheduled app state. */
export type CursorList = ListName | 'scheduled-state' | 'access-log';

/** Encodes the position after which the next page starts. */
export function encodeCursor(list: CursorList, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([list, position.key, position.id])).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same list.
 * @remarks A cursor is caller input: anything else is a `ValidationError`, not a crash.
 */
export function decodeCursor(list: CursorList, cursor: string): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === list &&
    Number.isFinite(parsed[1]) &&
    typeof parsed[2] === 'string'
  ) {
    return { key: parsed[1] as number, id: parsed[2] };
  }
  throw invalidCursor();
}

function invalidCursor(): ValidationError {
  return fieldError(
    'cursor',
    'invalid_cursor',
    'Sidmarkören är ogiltig. Börja om från första sidan.',
    'The page cursor is invalid. Start again from the first page.',
  );
}
