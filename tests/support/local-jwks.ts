/** A local stand-in for Entra ID's key endpoint: signs tokens with a local key and serves the JWKS on 127.0.0.1. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const API_CLIENT_ID = '99999999-8888-7777-6666-555555555555';
/** The default signed-in user's object id (Entra ID object ids are GUIDs). */
export const ANNA_OID = 'a0000000-0000-4000-8000-00000000a001';

export interface LocalJwks {
  uri: string;
  /** Signs an access token as Entra ID would (v2 issuer, audience = the API's client id). */
  /**
   * @param options.issuedAt `iat`: now by default; a number is seconds since the epoch, a string an offset from now (`'+10m'`), null: no `iat` at all.
   * @param options.expiresIn `exp`: a time span from now (`'1h'`, `'-5m'`, `'30y'`) or seconds since the epoch.
   */
  sign(
    claims?: JWTPayload,
    options?: {
      expiresIn?: string | number;
      issuedAt?: string | number | null;
      key?: 'trusted' | 'untrusted';
      issuer?: string;
      audience?: string;
    },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalJwks(): Promise<LocalJwks> {
  const trusted = await generateKeyPair('RS256');
  const untrusted = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    async sign(claims = {}, options = {}) {
      const key = options.key === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
      const jwt = new SignJWT({
        tid: TENANT_ID,
        oid: ANNA_OID,
        name: 'Anna Handläggare',
        scp: 'access_as_user',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${TENANT_ID}/v2.0`)
        .setAudience(options.audience ?? API_CLIENT_ID)
        .setExpirationTime(options.expiresIn ?? '1h');
      return (options.issuedAt === null ? jwt : jwt.setIssuedAt(options.issuedAt)).sign(key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The servers under test keep their key-fetching connections alive: do not wait for them.
        server.closeAllConnections();
      }),
  };
}
