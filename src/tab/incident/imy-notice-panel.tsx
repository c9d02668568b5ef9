/**
 * The notice to IMY: the text to copy into IMY's e-service (only what IMY asks for), the
 * record of the notice – time, IMY's reference, phased, and the reasons when it is late – and
 * the supplement a phased notice owes.
 */
import { Button, Checkbox, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { isLate } from '../../domain/deadline';
import type { Incident } from '../../web/api-contract';
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
import { useChange, type ChangeState } from './use-change';

const useStyles = makeStyles({
  text: { fontFamily: tokens.fontFamilyMonospace, minHeight: '14rem' },
  copyRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface ImyNoticePanelProps extends PanelProps {
  /** From GET /api/incidents/:id: when the supplement to a phased notice is owed, null when none is. */
  supplementDueAt: string | null;
}

/** The notice as the DPO is writing it down. */
interface NoticeDraft {
  notifiedAt: string;
  reference: string;
  phased: boolean;
  delayReason: string;
}
const NO_DRAFT: NoticeDraft = { notifiedAt: '', reference: '', phased: false, delayReason: '' };

function RecordedNotice({ notice }: { notice: NonNullable<Incident['imyNotice']> }) {
  const t = useStrings(incidentStrings).imy;
  return (
    <div data-testid="imy-recorded">
      <p>
        {t.recorded(displayTime(notice.notifiedAt))}
        {notice.reference ? ` ${t.reference}: ${notice.reference}.` : ''}
      </p>
      {notice.delayReason ? (
        <p>
          <strong>{t.delayReason}:</strong> {notice.delayReason}
        </p>
      ) : null}
    </div>
  );
}

/** The text for IMY's e-service, read-only, with a copy button that falls back to selecting it. */
function NoticeText({ text }: { text: string }) {
  const t = useStrings(incidentStrings).imy;
  const styles = useStyles();
  const form = useFormStyles();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const textRef = useRef<HTMLTextAreaElement>(null);

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

  return (
    <>
      <h3 className={styles.subheading}>{t.textHeading}</h3>
      <p className={form.muted}>{t.textIntro}</p>
      <Field label={t.textLabel}>
        <Textarea
          ref={textRef}
          className={styles.text}
          value={text}
          readOnly
          resize="vertical"
          rows={12}
          data-testid="imy-text"
        />
      </Field>
      <div className={styles.copyRow}>
        <Button onClick={copy}>{t.copy}</Button>
        <span role="status">{copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}</span>
      </div>
    </>
  );
}

interface NoticeFormProps {
  panel: PanelProps;
  draft: NoticeDraft;
  set: <K extends keyof NoticeDraft>(key: K, value: NoticeDraft[K]) => void;
  late: boolean;
  change: ChangeState;
}

/** The record of the notice: time (empty until chosen), reference, phased, reasons when late. */
function NoticeForm({ panel, draft, set, late, change }: NoticeFormProps) {
  const t = useStrings(incidentStrings).imy;
  const form = useFormStyles();
  function submit() {
    return change.run('imy-notice', {
      notifiedAt: fromLocalInput(draft.notifiedAt) ?? draft.notifiedAt,
      ...(draft.reference.trim() ? { reference: draft.reference } : {}),
      phased: draft.phased,
      ...(late && draft.delayReason.trim() ? { delayReason: draft.delayReason } : {}),
    });
  }
  return (
    <ChangeForm heading={t.heading} change={change} panel={panel} submitLabel={t.record} primary onSubmit={submit}>
      <div className={form.row}>
        <TimeField
          label={t.notifiedAt}
          required
          nowButton
          value={draft.notifiedAt}
          onChange={(v) => set('notifiedAt', v)}
          error={change.fieldErrors.notifiedAt}
        />
        <Field label={t.reference} validationMessage={change.fieldErrors.reference}>
          <Input value={draft.reference} onChange={(_, d) => set('reference', d.value)} />
        </Field>
      </div>
      <Checkbox label={t.phased} checked={draft.phased} onChange={(_, d) => set('phased', d.checked === true)} />
      {late ? (
        <Field
          label={t.delayReason}
          required
          hint={t.delayReasonHint}
          validationMessage={change.fieldErrors.delayReason}
        >
          <Textarea
            value={draft.delayReason}
            rows={3}
            resize="vertical"
            onChange={(_, d) => set('delayReason', d.value)}
          />
        </Field>
      ) : null}
    </ChangeForm>
  );
}

export function ImyNoticePanel({ supplementDueAt, ...panel }: ImyNoticePanelProps) {
  const { incident, canEdit } = panel;
  const t = useStrings(incidentStrings).imy;
  const [draft, setDraft] = useState<NoticeDraft>(NO_DRAFT);
  const change = useChange(incident, panel.onChanged);
  const notice = incident.imyNotice;
  const notifiedIso = fromLocalInput(draft.notifiedAt);
  const late = notifiedIso !== undefined && isLate(incident.awareAt, notifiedIso);
  const text = imyNoticeText(
    incident,
    notice
      ? { notifiedAt: notice.notifiedAt, phased: notice.phased, delayReason: notice.delayReason }
      : { notifiedAt: notifiedIso, phased: draft.phased, delayReason: draft.delayReason },
  );
  const unlikely = incident.assessment?.risk === 'unlikely';
  const status = notice ? null : unlikely ? t.notNeeded : !incident.assessment ? t.assessFirst : null;
  const set = <K extends keyof NoticeDraft>(key: K, value: NoticeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <IncidentTrack id="imy" incident={incident} heading={t.heading}>
      {notice ? <RecordedNotice notice={notice} /> : null}
      {notice ? <ImySupplement panel={panel} supplementDueAt={supplementDueAt} /> : null}
      {status ? <p>{status}</p> : null}
      {!unlikely || notice ? <NoticeText text={text} /> : null}
      {canEdit && !notice && !unlikely ? (
        <NoticeForm panel={panel} draft={draft} set={set} late={late} change={change} />
      ) : null}
    </IncidentTrack>
  );
}
