/**
 * The notice to IMY: the text to copy into IMY's e-service (only what IMY asks for), the
 * record of the notice – time, IMY's reference, phased, and the reasons when it is late – and
 * the supplement a phased notice owes.
 */
import { Button, Checkbox, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { isLate } from '../../domain/deadline';
import { TimeField } from '../components/time-field';
import { fromLocalInput, displayTime } from '../components/time-input';
import { useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { imyNoticeText } from '../../domain/imy-notice';
import { ImySupplement } from './imy-supplement';
import { incidentStrings } from './incident-strings';
import { IncidentTrack } from './incident-track';
import type { PanelProps } from './panel';
import { useFormStyles } from './section';
import { useChange } from './use-change';

const useStyles = makeStyles({
  text: { fontFamily: tokens.fontFamilyMonospace, minHeight: '14rem' },
  copyRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface ImyNoticePanelProps extends PanelProps {
  /** From GET /api/incidents/:id: when the supplement to a phased notice is owed, null when none is. */
  supplementDueAt: string | null;
}

export function ImyNoticePanel({ supplementDueAt, ...panel }: ImyNoticePanelProps) {
  const { incident, canEdit } = panel;
  const strings = useStrings(incidentStrings);
  const t = strings.imy;
  const styles = useStyles();
  const form = useFormStyles();
  const [notifiedAt, setNotifiedAt] = useState('');
  const [reference, setReference] = useState('');
  const [phased, setPhased] = useState(false);
  const [delayReason, setDelayReason] = useState('');
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const change = useChange(incident, panel.onChanged);
  const notice = incident.imyNotice;
  const notifiedIso = fromLocalInput(notifiedAt);
  const late = notifiedIso !== undefined && isLate(incident.awareAt, notifiedIso);
  const text = imyNoticeText(incident, notice ? { notifiedAt: notice.notifiedAt, phased: notice.phased, delayReason: notice.delayReason } : { notifiedAt: notifiedIso, phased, delayReason });

  async function copy() {
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

  function submit() {
    return change.run('imy-notice', {
      notifiedAt: notifiedIso ?? notifiedAt,
      ...(reference.trim() ? { reference } : {}),
      phased,
      ...(late && delayReason.trim() ? { delayReason } : {}),
    });
  }

  const status = notice
    ? null
    : incident.assessment?.risk === 'unlikely'
      ? t.notNeeded
      : !incident.assessment
        ? t.assessFirst
        : null;

  return (
    <IncidentTrack id="imy" incident={incident} heading={t.heading}>
      {notice ? (
        <div data-testid="imy-recorded">
          <p>{t.recorded(displayTime(notice.notifiedAt))}{notice.reference ? ` ${t.reference}: ${notice.reference}.` : ''}</p>
          {notice.delayReason ? <p><strong>{t.delayReason}:</strong> {notice.delayReason}</p> : null}
        </div>
      ) : null}
      {notice ? <ImySupplement panel={panel} supplementDueAt={supplementDueAt} /> : null}
      {status ? <p>{status}</p> : null}

      {incident.assessment?.risk !== 'unlikely' || notice ? (
        <>
          <h3 className={styles.subheading}>{t.textHeading}</h3>
          <p className={form.muted}>{t.textIntro}</p>
          <Field label={t.textLabel}>
            <Textarea ref={textRef} className={styles.text} value={text} readOnly resize="vertical" rows={12} data-testid="imy-text" />
          </Field>
          <div className={styles.copyRow}>
            <Button onClick={copy}>{t.copy}</Button>
            <span role="status">{copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}</span>
          </div>
        </>
      ) : null}

      {canEdit && !notice && incident.assessment?.risk !== 'unlikely' ? (
        <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.record} primary onSubmit={submit}>
          <div className={form.row}>
            <TimeField label={t.notifiedAt} required nowButton value={notifiedAt} onChange={setNotifiedAt} error={change.fieldErrors.notifiedAt} />
            <Field label={t.reference} validationMessage={change.fieldErrors.reference}>
              <Input value={reference} onChange={(_, d) => setReference(d.value)} />
            </Field>
          </div>
          <Checkbox label={t.phased} checked={phased} onChange={(_, d) => setPhased(d.checked === true)} />
          {late ? (
            <Field label={t.delayReason} required hint={t.delayReasonHint} validationMessage={change.fieldErrors.delayReason}>
              <Textarea value={delayReason} rows={3} resize="vertical" onChange={(_, d) => setDelayReason(d.value)} />
            </Field>
          ) : null}
        </ChangeForm>
      ) : null}
    </IncidentTrack>
  );
}
