/** The form of a DPO panel: its fields, the button that sends the change, and what came of it. */
import { Button } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { useFormStyles } from './section';
import type { ChangeState } from './use-change';

export interface ChangeFormProps {
  /** The form's accessible name: the heading of what it records. */
  heading: string;
  change: ChangeState;
  panel: PanelProps;
  submitLabel: string;
  /** The button is the panel's main action. */
  primary?: boolean;
  /** The feedback's words for a saved change, when not just "Saved". */
  saved?: string;
  /**
   * Whether the form shows {@link ChangeFeedback} itself.
   * @remarks False when the panel shows it outside the form, because the form goes once the change is saved.
   */
  feedback?: boolean;
  /** Sends the change; the browser's own submit is already stopped. */
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
}

/**
 * The form of one DPO change.
 * @remarks `noValidate`: the browser's own bubbles speak the browser's language, not the tab's; the
 * API's field messages (Swedish or English) are shown on the fields instead.
 */
export function ChangeForm({
  heading,
  change,
  panel,
  submitLabel,
  primary,
  saved,
  feedback = true,
  onSubmit,
  children,
}: ChangeFormProps) {
  const form = useFormStyles();
  const t = useStrings(incidentStrings);
  const [incomplete, setIncomplete] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A required field left empty: nothing is sent, and the first such field gets the focus.
    if (!event.currentTarget.checkValidity()) {
      setIncomplete(true);
      event.currentTarget.querySelector<HTMLElement>(':invalid')?.focus();
      return;
    }
    setIncomplete(false);
    await onSubmit();
  }

  return (
    <form className={form.form} onSubmit={submit} aria-label={heading} noValidate>
      {children}
      <div className={form.actions}>
        <Button appearance={primary ? 'primary' : undefined} type="submit" disabled={change.busy}>
          {submitLabel}
        </Button>
      </div>
      {incomplete ? (
        <p role="alert" className={form.error}>
          {t.incomplete}
        </p>
      ) : null}
      {feedback ? <ChangeFeedback change={change} panel={panel} saved={saved} /> : null}
    </form>
  );
}
