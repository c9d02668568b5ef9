/**
 * The tab's binding of the API port ({@link PuiApi}, src/web/pui-api.ts) to React: the app
 * provides it, pages take it with {@link useApi}, tests provide a fake.
 */
import { createContext, useContext } from 'react';
import type { PuiApi } from '../../web/pui-api';

export type { PuiApi } from '../../web/pui-api';

/** The API the pages use; provided by the app (or a test). */
export const ApiContext = createContext<PuiApi | null>(null);

/** The API from context; throws when a page is rendered outside the app. */
export function useApi(): PuiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no ApiContext.Provider above this component.');
  return api;
}
