/**
 * A lease kept in an app-state item and written under the item's etag: whoever writes it first
 * holds the item until `until`, and another process waits until then (or until it is released).
 */

/** Who holds an app-state item, and until when (ISO time). */
export interface Lease {
  owner: string;
  until: string;
}

/** A lease for `owner` of `ms` from `now`. */
export function leaseFor(owner: string, now: Date, ms: number): Lease {
  return { owner, until: new Date(now.getTime() + ms).toISOString() };
}

/** True while `lease` is held by someone other than `owner` (an undefined owner: by anyone). */
export function leaseHeldByOther(lease: Lease | undefined, owner: string | undefined, now: Date): boolean {
  return Boolean(lease && lease.owner !== owner && Date.parse(lease.until) > now.getTime());
}
