/**
 * An in-process HTTP double of the Microsoft Graph v1.0 directory endpoints the bot asks who is
 * a DPO: `POST /users/{id}/checkMemberGroups`, `GET /servicePrincipals(appId='…')` and
 * `GET /users/{id}/appRoleAssignments` (paged with `@odata.nextLink`). It requires a bearer token,
 * answers Graph's error shape, injects failures on demand and counts requests. 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An app role of the app registration (aad.manifest.json). */
export interface DoubleAppRole {
  id: string;
  value: string;
  isEnabled?: boolean;
}

export interface DirectoryDoubleOptions {
  /** The app registration the bot reads app roles of, and the object id of its service principal. */
  app: { appId: string; servicePrincipalId: string; appRoles: DoubleAppRole[] };
  /** Assignments per page (Graph's default is 100; small here to exercise paging). */
  pageSize?: number;
}

export interface DirectoryDouble {
  url: string;
  /** Makes the user a (transitive) member of the group. */
  addMember(groupId: string, userId: string): void;
  /** Assigns an app role (of `resourceId`, default our service principal) to the user. */
  assignAppRole(userId: string, appRoleId: string, resourceId?: string): void;
  /** The next `times` requests whose path matches answer `status`. */
  failNext(path: RegExp, status: number, times?: number): void;
  /** Requests so far, as `METHOD path`. */
  readonly requests: string[];
  close(): Promise<void>;
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message, innerError: { 'request-id': 'double' } } });
}

export async function startDirectoryDouble(options: DirectoryDoubleOptions): Promise<DirectoryDouble> {
  const members = new Map<string, Set<string>>();
  const assignments: { id: string; principalId: string; appRoleId: string; resourceId: string }[] = [];
  const failures: { path: RegExp; status: number; left: number }[] = [];
  const requests: string[] = [];
  const pageSize = options.pageSize ?? 100;
  let url = '';

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(u.pathname);
      requests.push(`${req.method} ${path}`);
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? ''))
        return send(401, errorBody('InvalidAuthenticationToken', 'Access token is empty.'));
      const failure = failures.find((f) => f.left > 0 && f.path.test(path));
      if (failure) {
        failure.left -= 1;
        return send(failure.status, errorBody('Authorization_RequestDenied', 'Injected failure.'));
      }
      // POST /users/{id}/checkMemberGroups (https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups)
      let m = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/.exec(path);
      if (m && req.method === 'POST') {
        const groupIds = (JSON.parse(raw || '{}') as { groupIds?: unknown }).groupIds;
        if (!Array.isArray(groupIds) || groupIds.length > 20)
          return send(400, errorBody('Request_BadRequest', 'groupIds must list at most 20 groups.'));
        return send(200, JSON.stringify({ value: groupIds.filter((g) => members.get(String(g))?.has(m![1])) }));
      }
      // GET /servicePrincipals(appId='{appId}') (https://learn.microsoft.com/graph/api/serviceprincipal-get)
      m = /^\/v1\.0\/servicePrincipals\(appId='([^']+)'\)$/.exec(path);
      if (m && req.method === 'GET') {
        if (m[1] !== options.app.appId)
          return send(404, errorBody('Request_ResourceNotFound', `Resource '${m[1]}' does not exist.`));
        return send(
          200,
          JSON.stringify({
            id: options.app.servicePrincipalId,
            appRoles: options.app.appRoles.map((r) => ({ isEnabled: true, ...r })),
          }),
        );
      }
      // GET /users/{id}/appRoleAssignments (https://learn.microsoft.com/graph/api/user-list-approleassignments)
      m = /^\/v1\.0\/users\/([^/]+)\/appRoleAssignments$/.exec(path);
      if (m && req.method === 'GET') {
        const mine = assignments.filter((a) => a.principalId === m![1]);
        const skip = Number(u.searchParams.get('$skiptoken') ?? '0');
        const page = mine.slice(skip, skip + pageSize);
        const body: Record<string, unknown> = {
          value: page.map(({ id, appRoleId, resourceId, principalId }) => ({ id, appRoleId, resourceId, principalId })),
        };
        if (skip + pageSize < mine.length)
          body['@odata.nextLink'] = `${url}/v1.0/users/${m[1]}/appRoleAssignments?$skiptoken=${skip + pageSize}`;
        return send(200, JSON.stringify(body));
      }
      send(400, errorBody('BadRequest', `Resource not found for the segment '${path}'.`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    addMember(groupId, userId) {
      if (!members.has(groupId)) members.set(groupId, new Set());
      members.get(groupId)!.add(userId);
    },
    assignAppRole(userId, appRoleId, resourceId = options.app.servicePrincipalId) {
      assignments.push({ id: `assignment-${assignments.length + 1}`, principalId: userId, appRoleId, resourceId });
    },
    failNext(path, status, times = 1) {
      failures.push({ path, status, left: times });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
