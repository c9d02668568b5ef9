/** A labelled `datetime-local` field for a Stockholm wall-clock time (see `time-input`). */
import { Field, Input } from '@fluentui/react-components';

export interface TimeFieldProps {
  label: string;
  /** The `datetime-local` value, as `toLocalInput` gives it; kept as typed. */
  value: string;
  onChange: (value: string) => void;
  /** The message for this field when a change was refused. */
  error?: string;
  required?: boolean;
}

export function TimeField({ label, value, onChange, error, required }: TimeFieldProps) {
  return (
    <Field label={label} required={required} validationMessage={error}>
      <Input type="datetime-local" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
