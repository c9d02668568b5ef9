/**
 * The supplement to a phased notice to IMY (art. 33(4)): by when it is owed – in red once the
 * four weeks have passed – and, for the DPO, the record of when it was sent.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { formatTimeLeft, isOverdue, timeLeftMs } from '../../domain/deadline';
import { useNow } from '../components/countdown';
import { TimeField } from '../components/time-field';
import { displayTime, fromLocalInput } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { incidentStrings } from './incident-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { useFormStyles } from './section';
import { useChange } from './use-change';

export interface ImySupplementProps {
  panel: PanelProps;
  /** From GET /api/incidents/:id: when the supplement is owed, null when none is. */
  supplementDueAt: string | null;
}

/** What is owed or done for a phased notice; nothing at all when the notice was not phased. */
export function ImySupplement({ panel, supplementDueAt }: ImySupplementProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).imy;
  const locale = useLocale();
  const form = useFormStyles();
  const now = useNow();
  const [sentAt, setSentAt] = useState('');
  const change = useChange(incident, panel.onChanged);
  const notice = incident.imyNotice;
  if (!notice?.phased) return null;

  // The incident a change returns already says it is done, before the page's reload brings a new supplementDueAt.
  const owed = notice.supplementedAt ? null : supplementDueAt;
  const ms = owed ? timeLeftMs(owed, now) : 0;
  const overdue = owed !== null && isOverdue(ms);

  function submit() {
    return change.run('imy-supplement', { sentAt: fromLocalInput(sentAt) ?? sentAt });
  }

  return (
    <div data-testid="imy-supplement">
      {notice.supplementedAt ? (
        <p data-supplement="done">
          <strong>{t.supplementsDone}.</strong> {t.supplementSent(displayTime(notice.supplementedAt))}
        </p>
      ) : null}
      {owed ? (
        <MessageBar
          intent={overdue ? 'error' : 'warning'}
          layout="multiline"
          data-supplement={overdue ? 'overdue' : 'owed'}
        >
          <MessageBarBody>
            <MessageBarTitle>{t.supplementDue(displayTime(owed))}</MessageBarTitle>
            {overdue ? <span aria-hidden="true">⚠ </span> : null}
            {formatTimeLeft(ms, locale)}. {overdue ? t.supplementOverdue : t.phasedReminder}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {canEdit && owed ? (
        <ChangeForm
          heading={t.supplementHeading}
          change={change}
          panel={panel}
          submitLabel={t.recordSupplement}
          primary
          feedback={false}
          onSubmit={submit}
        >
          <div className={form.row}>
            <TimeField
              label={t.supplementSentAt}
              required
              nowButton
              value={sentAt}
              onChange={setSentAt}
              error={change.fieldErrors.sentAt}
            />
          </div>
        </ChangeForm>
      ) : null}
      {/* Outside the form, which goes once the supplement is recorded: "Saved" is still announced. */}
      {canEdit ? <ChangeFeedback change={change} panel={panel} /> : null}
    </div>
  );
}
