/** @jest-environment jsdom */
import { browserHost, connectHost, looksEmbedded, themeNameFrom } from '../../src/tab/host/host';
import { localeFrom } from '../../src/tab/i18n';
import { parseRoute, hrefOf } from '../../src/tab/routing';

describe('host', () => {
  it('treats a page that is not framed as a plain browser (the local profile), with no token', async () => {
    expect(looksEmbedded(window)).toBe(false);
    const host = await connectHost(window);
    expect(host.kind).toBe('browser');
    expect(host.token).toBeUndefined();
    expect(host.locale).toBe('sv');
  });

  it('takes English from ?lang=en in a plain browser', () => {
    window.history.replaceState(null, '', '/tab/?lang=en');
    expect(browserHost(window).locale).toBe('en');
    window.history.replaceState(null, '', '/tab/');
  });

  it("maps Teams' themes and locales", () => {
    expect(themeNameFrom('dark')).toBe('dark');
    expect(themeNameFrom('contrast')).toBe('contrast');
    expect(themeNameFrom('default')).toBe('default');
    expect(themeNameFrom(undefined)).toBe('default');
    expect(localeFrom('en-us')).toBe('en');
    expect(localeFrom('en-GB')).toBe('en');
    expect(localeFrom('sv-se')).toBe('sv');
    expect(localeFrom('fi-fi')).toBe('sv');
    expect(localeFrom(undefined)).toBe('sv');
  });
});

describe('routing', () => {
  it('reads hash routes, the report page by default', () => {
    expect(parseRoute('')).toEqual({ page: 'report' });
    expect(parseRoute('#/board')).toEqual({ page: 'board' });
    expect(parseRoute('#/incident/PUI-2026-0042')).toEqual({ page: 'incident', id: 'PUI-2026-0042' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'not-found' });
    expect(hrefOf({ page: 'incident', id: 'PUI-2026-0042' })).toBe('#/incident/PUI-2026-0042');
  });

  it('reads the digest’s board link with its numbers, dropping what is not a number', () => {
    expect(parseRoute('#/board?numbers=PUI-2026-0001,pui-2026-0002,x%3Cscript%3E,PUI-2026-0001')).toEqual({
      page: 'board',
      numbers: ['PUI-2026-0001', 'PUI-2026-0002'],
    });
    expect(parseRoute('#/board?other=1')).toEqual({ page: 'board' });
    expect(hrefOf({ page: 'board', numbers: ['PUI-2026-0001', 'PUI-2026-0002'] })).toBe(
      '#/board?numbers=PUI-2026-0001,PUI-2026-0002',
    );
  });
});
