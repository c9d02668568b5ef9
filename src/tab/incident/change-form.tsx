/** The form of a DPO panel: its fields, the button that sends the change, and what came of it. */
import { Button } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
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

export function ChangeForm({ heading, change, panel, submitLabel, primary, saved, feedback = true, onSubmit, children }: ChangeFormProps) {
  const form = useFormStyles();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await onSubmit();
  }

  return (
    <form className={form.form} onSubmit={submit} aria-label={heading}>
      {children}
      <div className={form.actions}>
        <Button appearance={primary ? 'primary' : undefined} type="submit" disabled={change.busy}>{submitLabel}</Button>
      </div>
      {feedback ? <ChangeFeedback change={change} panel={panel} saved={saved} /> : null}
    </form>
  );
}
