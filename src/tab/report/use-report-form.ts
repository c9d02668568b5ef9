/**
 * The report form's state: the draft (kept across a reload), the messages (the domain's rules,
 * then the API's), sending and the receipt.
 * @remarks A field's message is shown from the first press of *Skicka rapporten* on, and from then
 * follows what is typed (GOV.UK's and Fluent's guidance): never on leaving a field. A message that
 * appeared on leaving would push *Skicka rapporten* down between the press and the release of a
 * click that left the field, and the click would miss it.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../web/api-client';
import type { Incident } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { useLocale } from '../i18n';
import {
  clearDraft,
  draftToInput,
  draftTouched,
  emptyDraft,
  loadDraft,
  REPORT_FIELDS,
  saveDraft,
  sessionStore,
  validateDraft,
  type FieldMessages,
  type ReportDraft,
  type ReportField,
} from './report-draft';

/** Id of a field's control, for labels and the error summary. */
export function fieldId(field: ReportField): string {
  return `report-${field}`;
}

/** Keeps a touched draft in the session's storage (and says whether it could), clears an untouched one. */
function useKeptDraft(storage: ReturnType<typeof sessionStore>, draft: ReportDraft, done: boolean): boolean {
  const [kept, setKept] = useState(true);
  useEffect(() => {
    if (done) return;
    if (draftTouched(draft)) {
      setKept(saveDraft(storage, draft));
    } else {
      clearDraft(storage);
      setKept(storage !== undefined);
    }
  }, [draft, storage, done]);
  return kept;
}

/** Sends the draft: the receipt, the API's messages for fields, or the error that is not one field's. */
function useSendReport(storage: ReturnType<typeof sessionStore>, onFieldMessages: (m: FieldMessages) => void) {
  const api = useApi();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | undefined>();
  const [receipt, setReceipt] = useState<Incident | undefined>();
  async function send(draft: ReportDraft) {
    setSending(true);
    try {
      const incident = await api.report(draftToInput(draft) as Parameters<typeof api.report>[0]);
      clearDraft(storage);
      setReceipt(incident);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldIssues = error.issues.filter((i) => REPORT_FIELDS.includes(i.field as ReportField));
      if (fieldIssues.length === 0) return setSendError(error);
      onFieldMessages(Object.fromEntries(fieldIssues.map((i) => [i.field, i.message])));
    } finally {
      setSending(false);
    }
  }
  return { sending, sendError, setSendError, receipt, setReceipt, send };
}

export function useReportForm() {
  const locale = useLocale();
  const storage = useMemo(() => sessionStore(), []);
  const [restored] = useState(() => loadDraft(storage));
  const [draft, setDraft] = useState<ReportDraft>(() => restored ?? emptyDraft(new Date()));
  const [attempted, setAttempted] = useState(false);
  const [serverMessages, setServerMessages] = useState<FieldMessages>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());
  const { sending, sendError, setSendError, receipt, setReceipt, send } = useSendReport(storage, (m) => {
    setServerMessages(m);
    focusSummary();
  });
  const kept = useKeptDraft(storage, draft, receipt !== undefined);

  const messages = useMemo(
    () => ({ ...validateDraft(draft, new Date(), locale), ...serverMessages }),
    [draft, locale, serverMessages],
  );
  const shown = (field: ReportField) => (attempted ? messages[field] : undefined);

  function update<K extends ReportField>(field: K, value: ReportDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerMessages((m) => {
      if (!(field in m)) return m;
      const { [field]: _dropped, ...rest } = m;
      return rest;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSendError(undefined);
    if (Object.values(validateDraft(draft, new Date(), locale)).some(Boolean)) return void focusSummary();
    await send(draft);
  }

  function startAgain() {
    clearDraft(storage);
    setDraft(emptyDraft(new Date()));
    setAttempted(false);
    setServerMessages({});
    setSendError(undefined);
    setReceipt(undefined);
  }

  return {
    restored,
    draft,
    update,
    shown,
    attempted,
    sending,
    sendError,
    receipt,
    kept,
    summaryRef,
    submit,
    startAgain,
  };
}

export type ReportForm = ReturnType<typeof useReportForm>;
