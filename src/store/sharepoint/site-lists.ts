/** Finds the site (by URL or id) and PUI Desk's lists on it. */
import type { GraphHttp } from './graph-http';
import { query } from './graph-http';
import { LIST_SPECS, listDisplayName, type ListKey } from './list-schema';

export interface SiteRef {
  id: string;
  webUrl?: string;
  displayName?: string;
}

export interface ListRef {
  id: string;
  displayName: string;
}

/**
 * The Graph path of a site given by URL or id:
 * `https://contoso.sharepoint.com/sites/pui` → `/sites/contoso.sharepoint.com:/sites/pui`
 * (https://learn.microsoft.com/graph/api/site-getbypath).
 */
export function sitePath(site: string): string {
  if (!/^https?:\/\//i.test(site)) return `/sites/${encodeURIComponent(site).replace(/%2C/gi, ',')}`;
  const url = new URL(site);
  const path = url.pathname.replace(/\/+$/, '');
  return path
    ? `/sites/${url.hostname}:${path.split('/').map(encodeURIComponent).join('/')}`
    : `/sites/${url.hostname}`;
}

/** Reads the site; a URL resolves to its id. */
export async function resolveSite(http: GraphHttp, site: string): Promise<SiteRef> {
  const { body } = await http.send<SiteRef>(
    'site.get',
    'GET',
    `${sitePath(site)}${query({ $select: 'id,webUrl,displayName' })}`,
  );
  return { id: body.id, webUrl: body.webUrl, displayName: body.displayName };
}

/** Every list of the site by display name (https://learn.microsoft.com/graph/api/list-list). */
export async function siteLists(http: GraphHttp, siteId: string): Promise<Map<string, ListRef>> {
  const lists = new Map<string, ListRef>();
  for await (const list of http.items<ListRef>(
    'lists.list',
    `${sitePath(siteId)}/lists${query({ $select: 'id,displayName' })}`,
  )) {
    lists.set(list.displayName, { id: list.id, displayName: list.displayName });
  }
  return lists;
}

/** The ids of PUI Desk's three lists, or the names of those missing. */
export async function findPuiLists(
  http: GraphHttp,
  siteId: string,
  prefix: string,
): Promise<{ ids: Partial<Record<ListKey, string>>; missing: string[] }> {
  const lists = await siteLists(http, siteId);
  const ids: Partial<Record<ListKey, string>> = {};
  const missing: string[] = [];
  for (const spec of LIST_SPECS) {
    const name = listDisplayName(spec, prefix);
    const found = lists.get(name);
    if (found) ids[spec.key] = found.id;
    else missing.push(name);
  }
  return { ids, missing };
}

/**
 * The columns PUI Desk needs that its lists lack (`PuiAppState.DueAt`, ...): lists provisioned by
 * an earlier version, before provisioning ran again. One request per list.
 */
export async function missingColumns(
  http: GraphHttp,
  siteId: string,
  ids: Record<ListKey, string>,
  prefix: string,
): Promise<string[]> {
  const missing: string[] = [];
  for (const spec of LIST_SPECS) {
    const names = new Set<string>();
    for await (const column of http.items<{ name: string }>(
      'columns.list',
      `${sitePath(siteId)}/lists/${ids[spec.key]}/columns`,
    ))
      names.add(column.name);
    for (const column of spec.columns)
      if (!names.has(column.name)) missing.push(`${listDisplayName(spec, prefix)}.${column.name}`);
  }
  return missing;
}
