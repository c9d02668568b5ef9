/**
 * The typed error of the SharePoint adapter: HTTP status, Graph error code and request id.
 * @remarks It never carries a response or request body: SharePoint echoes field values in its
 * messages (a duplicate report id, a title), and those hold personal data.
 */

/** A Graph request failed. `status` 0 means no HTTP answer (timeout, network). */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    /** HTTP status, or 0 when no answer came. */
    readonly status: number,
    /** Graph's `error.code` (`itemNotFound`, `accessDenied`, ...) when it sent one. */
    readonly code: string | undefined,
    /** Graph's `request-id`, to quote to Microsoft support. */
    readonly requestId: string | undefined,
    /** What the adapter was doing (`incidents.update`), never a URL with values in it. */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Microsoft Graph: ${operation} failed with ${status === 0 ? 'no answer' : `HTTP ${status}`}${code ? ` (${code})` : ''}${requestId ? `, request-id ${requestId}` : ''}.`,
      options,
    );
  }
}

/** Reads the stable parts of a Graph error body: its code and request id, nothing else. */
export function errorParts(body: unknown): { code?: string; requestId?: string } {
  if (!body || typeof body !== 'object') return {};
  const error = (body as { error?: { code?: unknown; innerError?: Record<string, unknown> } }).error;
  if (!error || typeof error !== 'object') return {};
  const inner = error.innerError ?? {};
  return {
    code: typeof error.code === 'string' ? error.code : undefined,
    requestId: typeof inner['request-id'] === 'string' ? (inner['request-id'] as string) : undefined,
  };
}

/** Builds a {@link GraphError} from a status, the response headers and the parsed body. */
export function graphError(
  operation: string,
  status: number,
  headers: { get(name: string): string | null } | Record<string, string> | undefined,
  body: unknown,
): GraphError {
  const parts = errorParts(body);
  const header = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === 'function')
      return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const record = headers as Record<string, string>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    return key ? record[key] : undefined;
  };
  return new GraphError(
    status,
    parts.code,
    parts.requestId ?? header('request-id') ?? header('client-request-id'),
    operation,
  );
}
