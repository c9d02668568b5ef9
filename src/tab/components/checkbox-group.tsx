/**
 * A labelled group of checkboxes (fieldset and legend) with one validation message for the
 * group, read by screen readers with every box.
 */
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly { id: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string;
  /** Id of the first checkbox (the error summary moves focus there). */
  firstId?: string;
}

export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  firstId,
}: CheckboxGroupProps<T>) {
  const styles = useStyles();
  const errorId = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {options.map((option, index) => (
        <Checkbox
          key={option.id}
          // Passing id={undefined} would override Checkbox's generated id and orphan its label.
          {...(index === 0 && firstId ? { id: firstId } : {})}
          label={option.label}
          checked={value.includes(option.id)}
          aria-invalid={error ? true : undefined}
          onChange={(_, data) =>
            onChange(data.checked === true ? [...value, option.id] : value.filter((v) => v !== option.id))
          }
        />
      ))}
      {error ? (
        <div id={errorId} className={styles.error}>
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
