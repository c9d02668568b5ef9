/**
 * A document's text, read-only, with a copy button that falls back to selecting it, and the
 * fetching said (loading, failure with a retry) in words a screen reader hears.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { useStrings } from '../i18n';
import { documentStrings } from './document-strings';
import type { NoticeTextState } from './use-notice-text';

const useStyles = makeStyles({
  text: { fontFamily: tokens.fontFamilyMonospace, minHeight: '14rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export interface CopyableTextProps {
  state: NoticeTextState;
  onRetry: () => void;
  label: string;
  copy: { button: string; copied: string; failed: string };
  testId: string;
  /** More actions beside the copy button (the letter's Word download). */
  actions?: ReactNode;
}

export function CopyableText({ state, onRetry, label, copy: t, testId, actions }: CopyableTextProps) {
  const d = useStrings(documentStrings);
  const styles = useStyles();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const textRef = useRef<HTMLTextAreaElement>(null);
  if (state.status === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          {d.failed(state.message)} <Button onClick={onRetry}>{d.retry}</Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status !== 'ready') return <Spinner size="tiny" label={d.loading} />;
  const text = state.text;

  async function copyText() {
    try {
      if (!navigator.clipboard) throw new Error('The Clipboard API is not available here.');
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch (error) {
      console.warn('PUI Desk: copying to the clipboard failed; the text is selected instead.', error);
      textRef.current?.focus();
      textRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <>
      <Field label={label}>
        <Textarea
          ref={textRef}
          className={styles.text}
          value={text}
          readOnly
          resize="vertical"
          rows={12}
          data-testid={testId}
        />
      </Field>
      <div className={styles.row}>
        <Button onClick={copyText}>{t.button}</Button>
        {actions}
        <span role="status">{copyState === 'copied' ? t.copied : copyState === 'failed' ? t.failed : ''}</span>
      </div>
    </>
  );
}
