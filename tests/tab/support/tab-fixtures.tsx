/** Object mothers, a fake API and a render helper for the tab's component tests. */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { noticeDeadline } from '../../../src/domain/deadline';
import type { Incident } from '../../../src/domain/incident';
import type { Me } from '../../../src/web/api-contract';
import { ApiContext, type PuiApi } from '../../../src/tab/api/pui-api';
import { LocaleContext, type Locale } from '../../../src/tab/i18n';
import { SessionContext, type Session } from '../../../src/tab/session';

export const DPO: Me = { id: 'dpo-1', name: 'Dana Dataskydd', roles: ['reporter', 'dpo'], profile: 'local' };

/** An incident as the API returns it; override what the test is about. */
export function anIncident(overrides: Partial<Incident> = {}): Incident {
  const discoveredAt = overrides.discoveredAt ?? '2026-11-20T09:00:00.000Z';
  const awareAt = overrides.awareAt ?? discoveredAt;
  return {
    id: 'inc-1',
    number: 'PUI-2026-0001',
    reportId: 'tab-00000000-0000-4000-8000-000000000001',
    etag: 'etag-1',
    title: 'Beslut skickat till fel adress',
    description: 'Ett beslut skickades till en gammal adress.',
    source: 'tab',
    reporter: { id: 'rep-1', name: 'Rut Rapportör' },
    unit: 'Individ- och familjeomsorgen',
    discoveredAt,
    awareAt,
    deadline: noticeDeadline(awareAt),
    breachTypes: ['confidentiality'],
    dataCategories: ['social-services'],
    affectedCount: 2,
    status: 'new',
    reportedToAuthority: null,
    nextReminderAt: null,
    createdAt: discoveredAt,
    updatedAt: discoveredAt,
    ...overrides,
  };
}

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
    registerFindings: missing('registerFindings'),
    exportRegister: missing('exportRegister'),
    exportUrl: (format) => `/api/register/export?format=${format}`,
    // The DPO's incident page loads who read it; an empty log unless the test gives one.
    accessLog: async () => ({ items: [] }),
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
