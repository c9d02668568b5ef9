/**
 * The tab's shell: theme and language from the host, who is signed in, the navigation, and the
 * pages — the report page at once, the others loaded when first opened.
 */
import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  mergeClasses,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient, ApiError } from '../web/api-client';
import { HttpPuiApi } from '../web/pui-api';
import { ApiContext, type PuiApi } from './api/pui-api';
import { commonStrings } from './common-strings';
import type { Host, ThemeName } from './host/host-port';
import { LocaleContext, useStrings } from './i18n';
import { ReportPage } from './report/report-page';
import { hrefOf, parseRoute, useRoute, type Route } from './routing';
import { isDpoRole, SessionContext, useSession, type Session } from './session';

// Named exports: the project compiles as CommonJS for tsc, where a dynamic import's `default` is the module.
const MyReportsPage = lazy(() => import('./mine/my-reports-page.js').then((m) => ({ default: m.MyReportsPage })));
const BoardPage = lazy(() => import('./board/board-page.js').then((m) => ({ default: m.BoardPage })));
const IncidentPage = lazy(() => import('./incident/incident-page.js').then((m) => ({ default: m.IncidentPage })));
const RegisterPage = lazy(() => import('./register/register-page.js').then((m) => ({ default: m.RegisterPage })));

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const DEV_ROLE_KEY = 'pui-desk.dev-role';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    ':focus': {
      position: 'static',
      width: 'auto',
      height: 'auto',
      display: 'inline-block',
      padding: tokens.spacingHorizontalS,
    },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase400 },
  tagline: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    marginLeft: tokens.spacingHorizontalS,
  },
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  current: { fontWeight: tokens.fontWeightBold, textDecorationLine: 'underline', textDecorationThickness: '2px' },
  who: { marginLeft: 'auto', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXXL}`,
    ':focus': { outline: 'none' },
  },
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0` },
  bannerRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

function readDevRole(): 'reporter' | undefined {
  try {
    return window.sessionStorage.getItem(DEV_ROLE_KEY) === 'reporter' ? 'reporter' : undefined;
  } catch (error) {
    console.warn('PUI Desk: sessionStorage is not available; acting with all local roles.', error);
    return undefined;
  }
}

function writeDevRole(role: 'reporter' | undefined): void {
  try {
    if (role) window.sessionStorage.setItem(DEV_ROLE_KEY, role);
    else window.sessionStorage.removeItem(DEV_ROLE_KEY);
  } catch (error) {
    console.warn('PUI Desk: the chosen local role cannot be kept across a reload.', error);
  }
}

export interface AppProps {
  host: Host;
  /** Tests pass a fake; the app talks HTTP to its own origin otherwise. */
  api?: PuiApi;
}

/** The whole tab. */
export function App({ host, api: givenApi }: AppProps) {
  const [themeName, setThemeName] = useState(host.theme);
  const [devRole, setDevRole] = useState(readDevRole);
  const locale = host.locale;
  useEffect(() => host.subscribeTheme(setThemeName), [host]);
  useEffect(() => {
    // Opened for one incident (the channel card's ?incident=, a Teams deep link's subPageId): go there once,
    // and drop ?incident= so a later reload stays where the user went.
    if (!host.incident) return;
    const route = parseRoute(`#/incident/${host.incident}`);
    if (route.page !== 'incident') return;
    const params = new URLSearchParams(window.location.search);
    params.delete('incident');
    const search = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${hrefOf(route)}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, [host]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const api = useMemo(
    () => givenApi ?? new HttpPuiApi(new ApiClient({ locale, token: host.token, devRole })),
    [givenApi, locale, host, devRole],
  );
  const [session, setSession] = useState<Session>({ isDpo: false });
  useEffect(() => {
    let live = true;
    api.me().then(
      (me) => live && setSession({ me, isDpo: isDpoRole(me) }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        if (live) setSession({ error, isDpo: false });
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  const styles = useStyles();

  function chooseRole(role: 'reporter' | undefined) {
    writeDevRole(role);
    setDevRole(role);
  }

  return (
    <FluentProvider theme={THEMES[themeName]} className={styles.provider} data-theme={themeName}>
      <LocaleContext.Provider value={locale}>
        <ApiContext.Provider value={api}>
          <SessionContext.Provider value={session}>
            <Shell host={host} devRole={devRole} onDevRole={chooseRole} />
          </SessionContext.Provider>
        </ApiContext.Provider>
      </LocaleContext.Provider>
    </FluentProvider>
  );
}

function Shell({
  host,
  devRole,
  onDevRole,
}: {
  host: Host;
  devRole: 'reporter' | undefined;
  onDevRole: (role: 'reporter' | undefined) => void;
}) {
  const t = useStrings(commonStrings);
  const styles = useStyles();
  const route = useRoute();
  const session = useSession();
  const links: { page: 'report' | 'mine' | 'board' | 'register'; label: string }[] = [
    { page: 'report', label: t.nav.report },
    { page: 'mine', label: t.nav.mine },
    ...(session.isDpo
      ? [
          { page: 'board' as const, label: t.nav.board },
          { page: 'register' as const, label: t.nav.register },
        ]
      : []),
  ];
  const active = route.page === 'incident' ? (session.isDpo ? 'board' : 'mine') : route.page;
  return (
    <>
      <a
        href="#main"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>
          {t.appName}
          <span className={styles.tagline}>{t.appTagline}</span>
        </span>
        <nav aria-label={t.navLabel}>
          <ul className={styles.navList}>
            {links.map((l) => (
              <li key={l.page}>
                <Link
                  href={hrefOf({ page: l.page })}
                  aria-current={active === l.page ? 'page' : undefined}
                  className={mergeClasses(active === l.page && styles.current)}
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {session.me ? <span className={styles.who}>{t.signedInAs(session.me.name)}</span> : null}
      </header>
      {session.me?.profile === 'local' ? (
        <div className={styles.banner} role="region" aria-label={t.localTitle}>
          <MessageBar intent="warning" layout="multiline" data-testid="local-profile">
            <MessageBarBody>
              <MessageBarTitle>{t.localTitle}</MessageBarTitle>
              {t.localBody(session.me.name)}
              <div className={styles.bannerRow}>
                <label htmlFor="dev-role">{t.actAs}</label>
                <Select
                  id="dev-role"
                  size="small"
                  value={devRole ?? 'dpo'}
                  onChange={(_, d) => onDevRole(d.value === 'reporter' ? 'reporter' : undefined)}
                >
                  <option value="dpo">{t.actAsDpo}</option>
                  <option value="reporter">{t.actAsReporter}</option>
                </Select>
              </div>
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}
      {session.error ? (
        <div className={styles.banner} role="region" aria-label={t.signInFailedTitle}>
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t.signInFailedTitle}</MessageBarTitle>
              {session.error.message} {host.kind === 'browser' && session.error.status === 401 ? t.openInTeams : null}
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Spinner label={t.loadingPage} />}>
          <Page route={route} />
        </Suspense>
      </main>
    </>
  );
}

function DpoOnly({ children }: { children: ReactNode }) {
  const t = useStrings(commonStrings);
  const session = useSession();
  if (!session.me && !session.error) return <Spinner label={t.loading} />;
  if (!session.isDpo) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.dpoOnlyTitle}</MessageBarTitle>
          {t.dpoOnlyBody} <Link href={hrefOf({ page: 'mine' })}>{t.nav.mine}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <>{children}</>;
}

function Page({ route }: { route: Route }) {
  const t = useStrings(commonStrings);
  switch (route.page) {
    case 'report':
      return <ReportPage />;
    case 'mine':
      return <MyReportsPage />;
    case 'board':
      return (
        <DpoOnly>
          <BoardPage numbers={route.numbers} />
        </DpoOnly>
      );
    case 'register':
      return (
        <DpoOnly>
          <RegisterPage />
        </DpoOnly>
      );
    case 'incident':
      return <IncidentPage key={route.id} idOrNumber={route.id} />;
    case 'not-found':
      return (
        <section>
          <h1>{t.notFoundTitle}</h1>
          <p>{t.notFoundBody}</p>
          <Link href={hrefOf({ page: 'report' })}>{t.toReport}</Link>
        </section>
      );
  }
}
