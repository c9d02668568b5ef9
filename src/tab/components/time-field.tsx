/**
 * A labelled field for a Stockholm wall-clock time, always written `2026-11-21 14:30` (see
 * `time-input`), with an optional "Nu" button.
 * @remarks Not `<input type="datetime-local">`: Chromium draws that in the browser's own locale
 * (mm/dd/yyyy and AM/PM under an en-US browser) whatever the page's language, so a Swedish tab
 * would show American dates under a hint that says "svensk tid". A text field in the one format
 * reads the same everywhere; a value that is not a time is named on leaving the field.
 */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { commonStrings } from '../common-strings';
import { useStrings } from '../i18n';
import { fromLocalInput, toLocalInput, writtenLocalInput } from './time-input';

export interface TimeFieldProps {
  label: string;
  /** The Stockholm wall-clock value as typed (`2026-11-21 14:30`; `toLocalInput`'s `T` form is read too). */
  value: string;
  onChange: (value: string) => void;
  /** Words under the label; by default the format in Swedish time. */
  hint?: string;
  /** The message for this field when a change was refused. */
  error?: string;
  required?: boolean;
  /** Offer a button that fills in the current time: the person still chooses it. */
  nowButton?: boolean;
  /** The input's id, when a form links to it (an error summary). */
  id?: string;
  onBlur?: () => void;
  /**
   * Name a value that is not a time on leaving the field (default). A form that says its messages
   * only after a send (the report form) turns it off: a message appearing on leaving would move
   * what is below under the pointer.
   */
  checkOnLeave?: boolean;
}

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  input: { flex: '1 1 auto', minWidth: '10rem', fontVariantNumeric: 'tabular-nums' },
});

export function TimeField({
  label,
  value,
  onChange,
  hint,
  error,
  required,
  nowButton,
  id,
  onBlur,
  checkOnLeave = true,
}: TimeFieldProps) {
  const t = useStrings(commonStrings).time;
  const styles = useStyles();
  const [malformed, setMalformed] = useState(false);

  function leave() {
    if (checkOnLeave) setMalformed(value.trim() !== '' && fromLocalInput(value) === undefined);
    onBlur?.();
  }

  return (
    <Field
      label={label}
      required={required}
      hint={hint ?? t.hint}
      validationMessage={error ?? (malformed ? t.malformed : undefined)}
    >
      <div className={styles.row}>
        <Input
          id={id}
          className={styles.input}
          value={writtenLocalInput(value)}
          placeholder={t.placeholder}
          inputMode="numeric"
          autoComplete="off"
          onChange={(_, d) => {
            setMalformed(false);
            onChange(d.value);
          }}
          onBlur={leave}
        />
        {nowButton ? (
          <Button
            aria-label={t.nowFor(label)}
            onClick={() => {
              setMalformed(false);
              onChange(toLocalInput(new Date()).replace('T', ' '));
            }}
          >
            {t.now}
          </Button>
        ) : null}
      </div>
    </Field>
  );
}
