/**
 * App Service's managed identity endpoint on 127.0.0.1: what `IDENTITY_ENDPOINT` names inside an
 * App Service, speaking its documented protocol (api-version 2019-08-01:
 * https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference).
 * `GET <endpoint>?resource=<uri>&api-version=2019-08-01[&client_id=<id>]` with the header
 * `X-IDENTITY-HEADER: <IDENTITY_HEADER>` answers `{ access_token, expires_on, resource, token_type,
 * client_id }`. `@azure/identity` (which botbuilder's UserAssignedMsi app type and the SharePoint
 * store use) finds it through the two environment variables, so tests run the real credential path.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One token request as the double saw it. */
export interface TokenRequest {
  resource: string;
  clientId?: string;
  apiVersion?: string;
  identityHeader?: string;
  status: number;
}

export interface ManagedIdentityDouble {
  /** For IDENTITY_ENDPOINT. */
  endpoint: string;
  /** For IDENTITY_HEADER: the per-container secret App Service puts into the environment. */
  identityHeader: string;
  /** The environment a process needs to use this identity endpoint. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  readonly requests: readonly TokenRequest[];
  /** Whether `token` is a token this double issued, and for which resource and identity. */
  issued(token: string): { resource: string; clientId?: string } | undefined;
  /** Answers the next `times` token requests with `status` (500, 503 …). */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export interface ManagedIdentityDoubleOptions {
  /** The client ids of the user-assigned identities of the "App Service"; others are refused (400). */
  clientIds: string[];
  /** Seconds a token lives (App Service issues them for 24 h; refresh starts well before). */
  lifetimeSeconds?: number;
}

export async function startManagedIdentityDouble(
  options: ManagedIdentityDoubleOptions,
): Promise<ManagedIdentityDouble> {
  const identityHeader = randomUUID();
  const requests: TokenRequest[] = [];
  const tokens = new Map<string, { resource: string; clientId?: string }>();
  const failures: number[] = [];
  const lifetime = options.lifetimeSeconds ?? 24 * 3600;
  const known = new Set(options.clientIds.map((id) => id.toLowerCase()));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headerValue = req.headers['x-identity-header'];
    const seen: TokenRequest = {
      resource: url.searchParams.get('resource') ?? '',
      clientId: url.searchParams.get('client_id') ?? undefined,
      apiVersion: url.searchParams.get('api-version') ?? undefined,
      identityHeader: typeof headerValue === 'string' ? headerValue : undefined,
      status: 200,
    };
    const answer = (status: number, body: unknown): void => {
      seen.status = status;
      requests.push(seen);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/msi/token')
      return answer(404, { statusCode: 404, message: 'Not found' });
    const failure = failures.shift();
    if (failure !== undefined) return answer(failure, { statusCode: failure, message: 'Injected failure' });
    if (seen.identityHeader !== identityHeader)
      return answer(401, { statusCode: 401, message: 'X-IDENTITY-HEADER is missing or wrong' });
    if (seen.apiVersion !== '2019-08-01') return answer(400, { statusCode: 400, message: 'Unsupported api-version' });
    if (!seen.resource) return answer(400, { statusCode: 400, message: 'resource is required' });
    // A user-assigned identity must be named; an unknown one is refused.
    if (!seen.clientId || !known.has(seen.clientId.toLowerCase()))
      return answer(400, { statusCode: 400, message: 'No managed identity with that client id' });
    const token = `msi.${randomBytes(24).toString('base64url')}`;
    tokens.set(token, { resource: seen.resource, clientId: seen.clientId });
    answer(200, {
      access_token: token,
      expires_on: String(Math.floor(Date.now() / 1000) + lifetime),
      resource: seen.resource,
      token_type: 'Bearer',
      client_id: seen.clientId,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/msi/token`;
  return {
    endpoint,
    identityHeader,
    env: { IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: identityHeader },
    requests,
    issued: (token) => tokens.get(token),
    failNext: (status, times = 1) => {
      for (let i = 0; i < times; i += 1) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Clients keep their connections alive: do not wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}
