/** A page's data could not be loaded: the reason and a way to try again. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { commonStrings } from '../common-strings';
import { useStrings } from '../i18n';

export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useStrings(commonStrings);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{error.message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
