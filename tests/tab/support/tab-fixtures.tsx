/** Object mothers, a fake API and a render helper for the tab's component tests. */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Me } from '../../../src/web/api-contract';
import { ApiContext, type PuiApi } from '../../../src/tab/api/pui-api';
import { LocaleContext, type Locale } from '../../../src/tab/i18n';
import { SessionContext, type Session } from '../../../src/tab/session';

export const DPO: Me = { id: 'dpo-1', name: 'Dana Dataskydd', roles: ['reporter', 'dpo'], profile: 'local' };

/** An incident as the API returns it (the one object mother, shared with the domain tests). */
export { anIncident } from '../../support/incident-mother';

/** A PuiApi whose every call fails unless the test gives it. */
export function fakeApi(overrides: Partial<PuiApi> = {}): PuiApi {
  const missing = (name: string) => () => Promise.reject(new Error(`fakeApi.${name} was not expected in this test`));
  return {
    me: missing('me'),
    report: missing('report'),
    myIncidents: missing('myIncidents'),
    allIncidents: missing('allIncidents'),
    incident: missing('incident'),
    change: missing('change'),
    registerReport: missing('registerReport'),
    committeeReport: missing('committeeReport'),
    registerFindings: missing('registerFindings'),
    sendCheckCounts: missing('sendCheckCounts'),
    exportRegister: missing('exportRegister'),
    exportUrl: (format) => `/api/register/export?format=${format}`,
    // The DPO's incident page loads who read it; an empty log unless the test gives one.
    accessLog: async () => ({ items: [] }),
    // The IMY and art. 34 tracks fetch the server's text when open; a placeholder naming the query unless the test gives one.
    noticeText: async (_id, query) => `text of ${JSON.stringify(query)}`,
    letterDocument: missing('letterDocument'),
    letterDocumentUrl: (id, lang) => `/api/incidents/${id}/notice?kind=art34&format=docx&lang=${lang}`,
    ...overrides,
  } as PuiApi;
}

export interface Providers {
  api?: PuiApi;
  locale?: Locale;
  session?: Session;
}

/** Renders inside the providers the app gives every page. */
export function renderTab(
  ui: ReactElement,
  { api = fakeApi(), locale = 'sv', session = { me: DPO, isDpo: true } }: Providers = {},
): RenderResult {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <LocaleContext.Provider value={locale}>
        <ApiContext.Provider value={api}>
          <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
        </ApiContext.Provider>
      </LocaleContext.Provider>
    </FluentProvider>,
  );
}
