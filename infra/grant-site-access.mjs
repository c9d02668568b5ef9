#!/usr/bin/env node
// Grants PUI Desk's managed identity access to the ONE SharePoint site of its lists
// (Sites.Selected): `POST /sites/{site-id}/permissions`, which has no Bicep resource. Safe to
// re-run: an existing grant for the identity is left as it is, or its role changed.
//
//   node infra/grant-site-access.mjs --site https://contoso.sharepoint.com/sites/pui \
//        --client-id <MANAGED_IDENTITY_CLIENT_ID> [--role write|manage|read] [--name "PUI Desk"]
//
// Run it as a SharePoint or Global Administrator signed in with `az login` (the token comes from
// `az account get-access-token`, or from GRAPH_TOKEN). `manage` while `npm run provision` creates
// the lists, then `write`, which is all the running app needs (docs/deploy.md). GRAPH_BASE_URL
// points at another Graph (national clouds; the tests' double).
import { execFileSync } from 'node:child_process';

const ROLES = ['read', 'write', 'manage', 'fullcontrol'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { role: 'write', name: 'PUI Desk' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value.`);
    if (flag === '--site') options.site = value;
    else if (flag === '--client-id') options.clientId = value;
    else if (flag === '--role') options.role = value;
    else if (flag === '--name') options.name = value;
    else throw new UsageError(`Unknown option ${flag}.`);
  }
  if (!options.site)
    throw new UsageError(
      '--site is missing: the URL (https://contoso.sharepoint.com/sites/pui) or Graph id of the site.',
    );
  if (!options.clientId || !GUID.test(options.clientId))
    throw new UsageError(
      "--client-id must be the managed identity's client id (a GUID; MANAGED_IDENTITY_CLIENT_ID in env/.env.<env>).",
    );
  if (!ROLES.includes(options.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  return options;
}

function graphToken() {
  if (process.env.GRAPH_TOKEN) return process.env.GRAPH_TOKEN;
  try {
    return execFileSync(
      'az',
      [
        'account',
        'get-access-token',
        '--resource',
        'https://graph.microsoft.com',
        '--query',
        'accessToken',
        '-o',
        'tsv',
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ).trim();
  } catch {
    throw new UsageError(
      'No Microsoft Graph token: sign in with `az login` (as a SharePoint administrator), or set GRAPH_TOKEN.',
    );
  }
}

function graphClient(base, token) {
  return async (method, path, body) => {
    const response = await fetch(`${base}/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      let code = '';
      try {
        code = JSON.parse(text)?.error?.code ?? '';
      } catch {
        // not JSON: the status says enough
      }
      throw new Error(
        `Graph answered ${response.status}${code ? ` ${code}` : ''} to ${method} ${path.replace(/\?.*$/, '')}`,
      );
    }
    return text ? JSON.parse(text) : undefined;
  };
}

/** `/sites/{hostname}:/{path}` for a URL, `/sites/{id}` for an id. */
function sitePath(site) {
  if (!/^https:\/\//i.test(site)) return `/sites/${encodeURIComponent(site)}`;
  const url = new URL(site);
  const path = url.pathname.replace(/\/+$/, '');
  return path ? `/sites/${url.hostname}:${path}` : `/sites/${url.hostname}`;
}

/** Grants (or corrects) the identity's role on the site; returns what it did. */
export async function grantSiteAccess({ site, clientId, role, name }, graph) {
  const { id: siteId } = await graph('GET', `${sitePath(site)}?$select=id`);
  const { value = [] } = await graph('GET', `/sites/${siteId}/permissions`);
  const ours = value.filter((p) =>
    [...(p.grantedToIdentitiesV2 ?? []), ...(p.grantedToIdentities ?? [])].some(
      (g) => g?.application?.id?.toLowerCase() === clientId.toLowerCase(),
    ),
  );
  if (ours.length === 0) {
    const created = await graph('POST', `/sites/${siteId}/permissions`, {
      roles: [role],
      grantedToIdentities: [{ application: { id: clientId, displayName: name } }],
    });
    return { action: 'granted', siteId, permissionId: created.id, roles: [role] };
  }
  // The list leaves the roles out: read the grant itself.
  const current = await graph('GET', `/sites/${siteId}/permissions/${ours[0].id}`);
  const roles = current.roles ?? [];
  if (roles.length === 1 && roles[0] === role) return { action: 'unchanged', siteId, permissionId: current.id, roles };
  await graph('PATCH', `/sites/${siteId}/permissions/${current.id}`, { roles: [role] });
  return { action: 'changed', siteId, permissionId: current.id, roles: [role], from: roles };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const base = (process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  const result = await grantSiteAccess(options, graphClient(base, graphToken()));
  const said = {
    granted: `Granted ${result.roles[0]} on the site to ${options.clientId}.`,
    unchanged: `Nothing to change: ${options.clientId} already has ${result.roles[0]} on the site.`,
    changed: `Changed ${options.clientId} from ${result.from?.join(', ') || 'no role'} to ${result.roles[0]} on the site.`,
  }[result.action];
  process.stdout.write(`${said}\nSite id: ${result.siteId}  (SHAREPOINT_SITE_ID)\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    process.stderr.write(`grant-site-access: ${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
