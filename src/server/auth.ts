/**
 * Who is calling: Entra ID access tokens validated against the tenant's JWKS (signature,
 * issuer, audience, tenant, expiry), or the dev identity of the local profile.
 */
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config';
import { rolesOf, Unauthenticated, type Caller, type Logger } from '../domain';
import { HttpProblem } from './error-response';

/** The dev identity of the local profile: holds every role so every feature can be tried. */
export const DEV_IDENTITY: Caller = {
  id: 'dev-user',
  name: 'Utvecklare (lokal profil)',
  roles: ['reporter', 'dpo', 'admin'],
};
/** A plain reporter in the local profile, chosen with the header `X-Dev-Role: reporter`. */
export const DEV_REPORTER: Caller = { id: 'dev-reporter', name: 'Rapportör (lokal profil)', roles: ['reporter'] };
/** The one delegated scope the API's app registration exposes (aad.manifest.json). */
const API_SCOPE = 'access_as_user';
/** Clock skew allowed between Entra ID and this server, in seconds. */
const CLOCK_SKEW_S = 60;
/**
 * The longest lifetime (`exp - iat`) an Entra ID access token can have: 60–90 minutes by default,
 * at most one day under a token lifetime policy, and up to 28 hours for continuous access
 * evaluation (learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes,
 * …/app-resilience-continuous-access-evaluation). A longer one was not issued by Entra ID as configured.
 */
const MAX_LIFETIME_S = 28 * 3600;
/** An Entra ID object id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1, formerly RFC 7235). */
const BEARER = /^bearer +([A-Za-z0-9._~+/=-]+) *$/i;

export interface RequestCredentials {
  authorization?: string;
  devRole?: string;
  devUser?: string;
}

export type Authenticate = (credentials: RequestCredentials) => Promise<Caller>;

/** The local profile: no tokens; the dev identity, or a plain reporter when asked for. */
export function localAuthenticator(): Authenticate {
  return async ({ devRole, devUser }) => {
    if (devRole === 'reporter') {
      const id = devUser && /^[\w.-]{1,64}$/.test(devUser) ? devUser : DEV_REPORTER.id;
      return {
        ...DEV_REPORTER,
        id,
        name: id === DEV_REPORTER.id ? DEV_REPORTER.name : `Rapportör ${id} (lokal profil)`,
      };
    }
    return DEV_IDENTITY;
  };
}

/**
 * Refuses a token issued in the future or living longer than Entra ID issues them: a signing key
 * that leaked, or a token minted by something other than Entra ID, shows itself this way.
 */
function checkLifetime(payload: JWTPayload): void {
  const now = Math.floor(Date.now() / 1000);
  const iat = payload.iat as number;
  const exp = payload.exp as number;
  if (iat > now + CLOCK_SKEW_S || exp - iat > MAX_LIFETIME_S) {
    throw new Unauthenticated(
      'Inloggningen kunde inte verifieras. Logga in igen.',
      'Your sign-in could not be verified. Sign in again.',
    );
  }
}

/**
 * True when the tenant's keys could not be had (JWKS unreachable, timed out, not 200, not JSON):
 * the token was not judged, so the answer is "try again" (503), not "sign in again" (401).
 */
function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof joseErrors.JOSEError)) return true;
  // jose raises its plain JOSEError only for a JWKS answer it cannot use; every verdict on the token has its own class.
  return error instanceof joseErrors.JWKSTimeout || error.constructor === joseErrors.JOSEError;
}

/** Validates Entra ID access tokens with keys from the tenant's JWKS. */
export function entraAuthenticator(config: AuthConfig, logger?: Logger): Authenticate {
  const jwks = createRemoteJWKSet(new URL(config.jwksUri), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  return async ({ authorization }) => {
    const match = BEARER.exec(authorization ?? '');
    if (!match) throw new Unauthenticated();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], jwks, {
        issuer: config.issuers,
        audience: config.audiences,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_SKEW_S,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      if (keysUnavailable(error)) {
        // The cause (a URL, an errno, a status), never the token.
        logger?.error('sign-in keys unavailable', {
          error: (error as Error)?.name ?? 'Error',
          cause: String((error as Error)?.message ?? '').slice(0, 200),
        });
        throw new HttpProblem(
          503,
          'auth_unavailable',
          'Inloggningen kan inte kontrolleras just nu. Försök igen om en stund.',
          'Sign-in cannot be checked right now. Try again shortly.',
          30,
        );
      }
      if (error instanceof joseErrors.JOSEError) {
        throw new Unauthenticated(
          error instanceof joseErrors.JWTExpired
            ? 'Inloggningen har gått ut. Logga in igen.'
            : 'Inloggningen kunde inte verifieras. Logga in igen.',
          error instanceof joseErrors.JWTExpired
            ? 'Your sign-in has expired. Sign in again.'
            : 'Your sign-in could not be verified. Sign in again.',
        );
      }
      throw error;
    }
    checkLifetime(payload);
    if (payload.tid !== config.tenantId) {
      throw new Unauthenticated(
        'Kontot tillhör en annan organisation.',
        'The account belongs to another organisation.',
      );
    }
    if (typeof payload.scp !== 'string') {
      // App-only tokens carry no user; every API call acts for a person.
      throw new Unauthenticated(
        'Token saknar användare (delegerad behörighet krävs).',
        'The token has no user (a delegated token is required).',
      );
    }
    if (!payload.scp.split(' ').includes(API_SCOPE)) {
      // A token for this API but consented for another scope (aad.manifest.json exposes only this one).
      throw new Unauthenticated(
        'Token saknar behörigheten access_as_user för PUI Desk. Logga in igen.',
        'The token lacks the access_as_user permission for PUI Desk. Sign in again.',
      );
    }
    if (typeof payload.oid !== 'string' || !GUID.test(payload.oid)) {
      // Every user's object id is a GUID; anything else is not a user Entra ID signed in.
      throw new Unauthenticated(
        'Inloggningen kunde inte verifieras. Logga in igen.',
        'Your sign-in could not be verified. Sign in again.',
      );
    }
    const oid = payload.oid;
    const roles = rolesOf(
      {
        userId: oid,
        groupIds: Array.isArray(payload.groups) ? payload.groups.map(String) : [],
        appRoles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      },
      config,
    );
    const name =
      typeof payload.name === 'string' && payload.name ? payload.name : String(payload.preferred_username ?? oid);
    return { id: oid, name, roles };
  };
}
