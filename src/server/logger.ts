/** JSON-lines logger. Callers pass ids, codes and counts only — never personal data. */
import type { Request } from 'express';
import type { Logger } from '../domain';

type Level = 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 };

export function createLogger(
  minLevel: Level | 'silent' = 'info',
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
): Logger {
  const log =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < ORDER[minLevel]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * The route a request matched as it is declared (`/incidents/:id`), never the path as sent: a path
 * can hold anything a caller typed (`/api/incidents/19121212-1212`). `/*` when none matched.
 * @param base The mount point, read where the router is mounted (express resets `baseUrl` on the way out).
 */
export function routeOf(req: Request, base = ''): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  return base + (typeof route?.path === 'string' ? route.path : '/*');
}
