/**
 * The one way from config to the stores: the server and the CLI both open what `STORE` names
 * through here, so a SharePoint installation works from the command line as it does online.
 */
import type { Logger, Stores } from '../domain/ports';
import { openSharePointStores, type OpenSharePointOptions } from './sharepoint/sharepoint-stores';
import type { SharePointConfig } from './sharepoint/sharepoint-config';
import { SqliteStores } from './sqlite/sqlite-stores';

/** The part of the app's config that picks and places the stores. */
export interface StoreConfig {
  store: 'sqlite' | 'sharepoint';
  /** The SQLite file, when `store` is `sqlite`. */
  dbFile: string;
  /** The site and credential, when `store` is `sharepoint` (config refuses `STORE=sharepoint` without). */
  sharePoint?: SharePointConfig;
}

/** Options for the SharePoint adapter (tests pass a credential and a fast retry policy). */
export type OpenStoresOptions = Omit<OpenSharePointOptions, 'logger'> & { logger?: Logger };

/** Opens the configured stores: the SQLite file, or the SharePoint site (checked for its lists). */
export async function openStores(config: StoreConfig, options: OpenStoresOptions = {}): Promise<Stores> {
  if (config.store === 'sharepoint') {
    if (!config.sharePoint) throw new Error('STORE=sharepoint without SharePoint settings.');
    return openSharePointStores(config.sharePoint, options);
  }
  return SqliteStores.open(config.dbFile);
}
