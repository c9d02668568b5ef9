/**
 * The notice to IMY: the text to copy into IMY's e-service (only what IMY asks for), the
 * record of the notice – time, IMY's reference, phased, and the reasons when it is late – and
 * the supplement a phased notice owes.
 */
import { Checkbox, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { isLate } from '../../domain/deadline';
import type { Incident } from '../../web/api-contract';
import { TimeField } from '../components/time-field';
import { fromLocalInput, displayTime } from '../components/time-input';
import { useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { CopyableText } from './copyable-text';
import { documentStrings } from './document-strings';
import { ImySupplement } from './imy-supplement';
import { incidentStrings } from './incident-strings';
import { IncidentTrack } from './incident-track';
import type { PanelProps } from './panel';
import { useFormStyles } from './section';
import { useChange, type ChangeState } from './use-change';
import { useNoticeText } from './use-notice-text';
import { useTracks } from './track';

const useStyles = makeStyles({
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

/** The server's text for IMY's e-service (with the settings the browser does not know), for the notice as recorded or drafted. */
function NoticeText({ incident, draft }: { incident: Incident; draft: { notifiedAt?: string; phased: boolean } }) {
  const t = useStrings(incidentStrings).imy;
  const styles = useStyles();
  const form = useFormStyles();
  const open = useTracks().isOpen('imy');
  const query = incident.imyNotice ? { kind: 'imy' as const } : { kind: 'imy' as const, ...draft };
  const { state, retry } = useNoticeText(incident, query, open);
  return (
    <>
      <h3 className={styles.subheading}>{t.textHeading}</h3>
      <p className={form.muted}>{t.textIntro}</p>
      <CopyableText
        state={state}
        onRetry={retry}
        label={t.textLabel}
        copy={{ button: t.copy, copied: t.copied, failed: t.copyFailed }}
        testId="imy-text"
      />
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
  const words = useStrings(documentStrings);
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
          hint={`${t.delayReasonHint} ${words.imyDelayReason}`}
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
  const unlikely = incident.assessment?.risk === 'unlikely';
  const status = notice ? null : unlikely ? t.notNeeded : !incident.assessment ? t.assessFirst : null;
  const set = <K extends keyof NoticeDraft>(key: K, value: NoticeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <IncidentTrack id="imy" incident={incident} heading={t.heading}>
      {notice ? <RecordedNotice notice={notice} /> : null}
      {notice ? <ImySupplement panel={panel} supplementDueAt={supplementDueAt} /> : null}
      {status ? <p>{status}</p> : null}
      {!unlikely || notice ? (
        <NoticeText incident={incident} draft={{ notifiedAt: notifiedIso, phased: draft.phased }} />
      ) : null}
      {canEdit && !notice && !unlikely ? (
        <NoticeForm panel={panel} draft={draft} set={set} late={late} change={change} />
      ) : null}
    </IncidentTrack>
  );
}
