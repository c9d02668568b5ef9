/**
 * A stand-in for the Bot Connector service's token issuer on 127.0.0.1: the OpenID metadata
 * document (`/v1/.well-known/openidconfiguration`, as login.botframework.com serves it) and its
 * JWKS, whose keys carry the channels that endorse them (`endorsements: ['msteams', …]`), and
 * channel tokens signed as the Bot Connector signs them (issuer https://api.botframework.com,
 * audience = the bot's app id, a `serviceurl` claim). It can fail as the real one can: answer
 * with an HTTP error, or not at all.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';

export interface ChannelTokenOptions {
  /** `aud`: the bot's app id. */
  appId: string;
  /** The `serviceurl` claim: the service URL of the activity the token comes with. */
  serviceUrl: string;
  issuer?: string;
  /** `exp` in seconds from now (negative: expired). Default one hour. */
  expiresInS?: number;
  /** `trusted`: the key the JWKS publishes; `untrusted`: another key under the same kid. */
  key?: 'trusted' | 'untrusted';
  claims?: JWTPayload;
}

export interface BotFrameworkOpenIdDouble {
  /** The OpenID metadata URL (BOT_OPENID_METADATA_URL). */
  metadataUrl: string;
  /** A Bearer header value with a channel token. */
  authorization(options: ChannelTokenOptions): Promise<string>;
  /** `ok`: answer; `http-error`: 503 for everything; `down`: drop every connection unanswered. */
  setMode(mode: 'ok' | 'http-error' | 'down'): void;
  /** Requests served, by path. */
  readonly requests: string[];
  close(): Promise<void>;
}

const KID = 'bot-connector-test-key';

export async function startBotFrameworkOpenIdDouble(
  endorsements: string[] = ['msteams', 'webchat'],
): Promise<BotFrameworkOpenIdDouble> {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const untrusted = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: KID, use: 'sig', endorsements };
  let mode: 'ok' | 'http-error' | 'down' = 'ok';
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let base = '';

  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (mode === 'down') {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (mode === 'http-error') {
      res.statusCode = 503;
      res.end(JSON.stringify({ error: 'ServiceUnavailable' }));
      return;
    }
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: BOT_CONNECTOR_ISSUER,
          authorization_endpoint: `${base}/v1/.well-known/authorize`,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    requests,
    setMode: (next) => {
      mode = next;
    },
    async authorization(options) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ serviceurl: options.serviceUrl, ...options.claims })
        .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
        .setIssuer(options.issuer ?? BOT_CONNECTOR_ISSUER)
        .setAudience(options.appId)
        .setNotBefore(now - 300)
        .setIssuedAt(now - 300)
        .setExpirationTime(now + (options.expiresInS ?? 3600))
        .sign(options.key === 'untrusted' ? untrusted.privateKey : trusted.privateKey);
      return `Bearer ${token}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
