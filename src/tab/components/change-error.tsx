/**
 * What went wrong with a change, said so a person can act: above all the edit conflict, when
 * another DPO changed the incident first (412, stale etag) and nothing was overwritten.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../../web/api-client';
import type { Localized } from '../i18n';
import { useStrings } from '../i18n';

const strings: Localized<{
  conflictTitle: string;
  conflictBody: string;
  conflictKept: string;
  latest: (what: string, who: string, when: string) => string;
  reload: string;
  errorTitle: string;
}> = {
  sv: {
    conflictTitle: 'Någon annan hann före',
    conflictBody:
      'Incidenten har ändrats av någon annan sedan du öppnade den. Din ändring sparades inte, och ingenting skrevs över.',
    conflictKept:
      'Ladda om för att se den senaste versionen och gör sedan om din ändring om den fortfarande behövs. Det du har skrivit i formuläret finns kvar.',
    latest: (what, who, when) => `Senaste ändringen: ${what} av ${who}, ${when}.`,
    reload: 'Ladda om incidenten',
    errorTitle: 'Ändringen kunde inte sparas',
  },
  en: {
    conflictTitle: 'Someone else got there first',
    conflictBody:
      'Someone else changed the incident after you opened it. Your change was not saved, and nothing was overwritten.',
    conflictKept:
      'Reload to see the latest version, then make your change again if it is still needed. What you typed in the form is kept.',
    latest: (what, who, when) => `Latest change: ${what} by ${who}, ${when}.`,
    reload: 'Reload the incident',
    errorTitle: 'The change could not be saved',
  },
};

/** The latest change, for the conflict message (after a reload). */
export interface LatestChange {
  what: string;
  who: string;
  when: string;
}

/** The edit conflict explained, with a reload button. */
export function ConflictMessage({
  onReload,
  latest,
  reloading,
}: {
  onReload: () => void;
  latest?: LatestChange;
  reloading?: boolean;
}) {
  const t = useStrings(strings);
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="conflict-message">
      <MessageBarBody>
        <MessageBarTitle>{t.conflictTitle}</MessageBarTitle>
        {t.conflictBody} {t.conflictKept}
        {latest ? <> {t.latest(latest.what, latest.who, latest.when)}</> : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReload} disabled={reloading}>
          {t.reload}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A failed change: the conflict message for a stale etag, else the server's own words. */
export function ChangeError({
  error,
  onReload,
  latest,
  reloading,
}: {
  error: ApiError;
  onReload: () => void;
  latest?: LatestChange;
  reloading?: boolean;
}) {
  const t = useStrings(strings);
  if (error.isConflict) return <ConflictMessage onReload={onReload} latest={latest} reloading={reloading} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}
