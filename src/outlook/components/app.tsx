/** The task pane application: starts up (config, host, mail, sign-in) and shows the pane. */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Field,
  Spinner,
  Text,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { apiBaseOf } from '../../web/api-client';
import { signIn, type SignInState } from '../../web/sign-in';
import { loadClientConfig, type ClientConfig } from '../../web/client-config';
import { MailReadError, readMailItem, type MailSnapshot } from '../mail-item';
import { hostedInOutlook, loadOfficeJs, type OfficeLike } from '../office-host';
import { countSentAnyway } from '../sent-anyway-count';
import { createSendCheckReporter, type FetchLike } from '../send-check-report';
import { pickLocale, stringsFor, type Locale, type Strings } from '../strings';
import { usePaneStyles } from './styles';
import { TaskPane, type SubmitFn } from './task-pane';

/** What start-up found. */
export type Boot =
  | { kind: 'ready'; config: ClientConfig; mail: MailSnapshot; auth: SignInState; locale: Locale; localSample?: number }
  | { kind: 'error'; locale: Locale; title: keyof Strings; message: string };

/** Where start-up gets the page, the host and the config; tests replace these. */
export interface BootDeps {
  href: string;
  loadConfig?: (href: string) => Promise<ClientConfig>;
  loadOffice?: () => Promise<OfficeLike>;
  loadLocalOffice?: (sample: number) => Promise<OfficeLike>;
  /** For the count of a mail sent anyway; default the page's fetch. */
  fetch?: FetchLike;
}

async function defaultLocalOffice(sample: number): Promise<OfficeLike> {
  // Split into its own chunk: the sample mails never load inside Outlook.
  const { localOffice } = await import('../local-office-host.js');
  return localOffice(sample);
}

function sampleFrom(search: string): number {
  const n = Number(new URLSearchParams(search).get('sample') ?? '0');
  return Number.isInteger(n) && n >= 0 && n <= 2 ? n : 0;
}

/**
 * A sent mail with the check on Send's marker went out with Skicka ändå: counted once, numbers
 * only (src/outlook/sent-anyway-count.ts), on its own — the pane never waits for it.
 */
function countIfSentAnyway(deps: BootDeps, office: OfficeLike, mail: MailSnapshot, auth: SignInState): void {
  const item = office.context.mailbox?.item;
  if (!mail.sentAnyway || !item || (auth.kind !== 'local' && auth.kind !== 'signed-in')) return;
  const report = createSendCheckReporter({
    url: `${apiBaseOf(deps.href)}/api/send-check/events`,
    fetch: deps.fetch ?? ((url, init) => fetch(url, init)),
    getToken: auth.getToken,
  });
  void countSentAnyway(item, report);
}

/** Starts the pane: config.json, then Office.js (in Outlook) or the local stand-in, the mail, sign-in. */
export async function boot(deps: BootDeps): Promise<Boot> {
  const url = new URL(deps.href);
  const lang = url.searchParams.get('lang');
  let locale = pickLocale(lang);
  let config: ClientConfig;
  try {
    config = await (deps.loadConfig ?? loadClientConfig)(deps.href);
  } catch (error) {
    return {
      kind: 'error',
      locale,
      title: 'configFailedTitle',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  let office: OfficeLike;
  let localSample: number | undefined;
  if (hostedInOutlook(url.search)) {
    office = await (deps.loadOffice ?? loadOfficeJs)();
  } else if (config.profile === 'local') {
    localSample = sampleFrom(url.search);
    office = await (deps.loadLocalOffice ?? defaultLocalOffice)(localSample);
  } else {
    return { kind: 'error', locale, title: 'appTitle', message: stringsFor(locale).outsideOutlook };
  }
  locale = pickLocale(lang, office.context.displayLanguage);
  const t = stringsFor(locale);
  let mail: MailSnapshot;
  try {
    mail = await readMailItem(office.context.mailbox ?? {});
  } catch (error) {
    if (!(error instanceof MailReadError)) throw error;
    return {
      kind: 'error',
      locale,
      title: 'mailFailedTitle',
      message: error.code === 'compose-mode' ? t.composeMode : t.noItem,
    };
  }
  const auth = await signIn(config, office.context.requirements);
  countIfSentAnyway(deps, office, mail, auth);
  return { kind: 'ready', config, mail, auth, locale, localSample };
}

function Notices({ boot, locale }: { boot: Extract<Boot, { kind: 'ready' }>; locale: Locale }) {
  const t = stringsFor(locale);
  return (
    <>
      {boot.auth.kind === 'local' && (
        <MessageBar layout="multiline" intent="warning" data-testid="local-profile">
          <MessageBarBody>
            <MessageBarTitle>{t.localProfileTitle}</MessageBarTitle> {t.localProfile}
          </MessageBarBody>
        </MessageBar>
      )}
      {boot.auth.kind === 'unsupported' && (
        <MessageBar layout="multiline" intent="error" data-testid="naa-unsupported">
          <MessageBarBody>
            <MessageBarTitle>{t.naaUnsupportedTitle}</MessageBarTitle> {t.naaUnsupported}
          </MessageBarBody>
        </MessageBar>
      )}
      {boot.auth.kind === 'failed' && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.signInFailedTitle}</MessageBarTitle> {t.signInFailed} ({boot.auth.detail})
          </MessageBarBody>
        </MessageBar>
      )}
      {boot.mail.sentAnyway && (
        <MessageBar layout="multiline" intent="warning" data-testid="sent-anyway">
          <MessageBarBody>{t.sentAnyway}</MessageBarBody>
        </MessageBar>
      )}
      {boot.mail.bodyUnavailable && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{t.bodyUnavailable}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function SamplePicker({ sample, locale }: { sample: number; locale: Locale }) {
  const t = stringsFor(locale);
  const styles = usePaneStyles();
  return (
    <MessageBar layout="multiline" intent="info" data-testid="local-host">
      <MessageBarBody className={styles.messageBody}>
        <MessageBarTitle>{t.localHostTitle}</MessageBarTitle> {t.localHost}
        <Field label={t.sampleLabel}>
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={String(sample)}
            onChange={(_, data) => {
              const next = new URL(window.location.href);
              next.searchParams.set('sample', data.value);
              window.location.assign(next.toString());
            }}
          >
            {t.sampleNames.map((name, i) => (
              <option key={name} value={String(i)}>
                {i}: {name}
              </option>
            ))}
          </Select>
        </Field>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Props of {@link App}. */
export interface AppProps {
  deps: BootDeps;
  submit?: SubmitFn;
}

/** The whole task pane. */
export function App({ deps, submit }: AppProps) {
  const styles = usePaneStyles();
  const [state, setState] = useState<Boot | undefined>();
  const [locale, setLocale] = useState<Locale>(() => pickLocale(new URL(deps.href).searchParams.get('lang')));
  useEffect(() => {
    let live = true;
    boot(deps).then(
      (b) => {
        if (!live) return;
        setState(b);
        setLocale(b.locale);
      },
      (error: unknown) =>
        live &&
        setState({
          kind: 'error',
          locale,
          title: 'appTitle',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
    // Start-up runs once per page; the locale above is only the fallback for a failed start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = stringsFor(locale);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div>
            <Text size={200}>{t.appSubtitle}</Text>
            <Title3 as="h1" block>
              {t.appTitle}
            </Title3>
          </div>
          <Button
            appearance="subtle"
            lang={t.switchLanguageLang}
            onClick={() => setLocale(locale === 'sv' ? 'en' : 'sv')}
          >
            {t.switchLanguage}
          </Button>
        </header>
        {!state && <Spinner label={t.loading} />}
        {state?.kind === 'error' && (
          <MessageBar layout="multiline" intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{String(t[state.title])}</MessageBarTitle> {state.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {state?.kind === 'ready' && (
          <>
            {state.localSample !== undefined && <SamplePicker sample={state.localSample} locale={locale} />}
            <Notices boot={state} locale={locale} />
            <TaskPane
              config={state.config}
              mail={state.mail}
              auth={state.auth}
              locale={locale}
              pageUrl={deps.href}
              submit={submit}
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
