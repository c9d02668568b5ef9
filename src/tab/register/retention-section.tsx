/**
 * The DPO's retention (gallring) run on the register page: what the records plan makes due today,
 * a run prepared from it, its two exports as downloads, and the cull once the DPO has typed the
 * count (src/use-cases/retention.ts does the work; the server refuses a cull before the exports).
 */
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { stockholmDate } from '../../domain/stockholm-time';
import type { RetentionCullAnswer, RetentionOverview, RetentionRunAnswer } from '../../web/api-contract';
import type { RetentionExportKind } from '../../web/pui-api';
import { useApi } from '../api/pui-api';
import { useFileDownload } from '../components/save-file';
import { useStrings } from '../i18n';
import { Section, useFormStyles } from '../incident/section';
import { useRegisterStyles } from './register-styles';
import { retentionStrings } from './retention-strings';

type Due = RetentionOverview['due'];

function DueTable({ due }: { due: Due }) {
  const t = useStrings(retentionStrings);
  return (
    <table data-testid="retention-due">
      <caption>{t.dueCaption(due.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.number}</th>
          <th scope="col">{t.closedAt}</th>
          <th scope="col">{t.dueAt}</th>
        </tr>
      </thead>
      <tbody>
        {due.map((d) => (
          <tr key={d.number}>
            <th scope="row">{d.number}</th>
            <td>{stockholmDate(d.closedAt)}</td>
            <td>{stockholmDate(d.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExportLinks({
  run,
  onExported,
}: {
  run: RetentionRunAnswer;
  onExported: (kind: RetentionExportKind) => void;
}) {
  const api = useApi();
  const t = useStrings(retentionStrings);
  const styles = useRegisterStyles();
  const { busy, error, download: fetchAndSave } = useFileDownload();

  async function download(event: MouseEvent, kind: RetentionExportKind) {
    event.preventDefault();
    const fallbackName = `pui-gallring.${kind === 'xlsx' ? 'xlsx' : 'json'}`;
    if (await fetchAndSave(() => api.retentionExport(run.id, kind), fallbackName)) onExported(kind);
  }

  return (
    <>
      <h3>{t.step1}</h3>
      <p>{t.step1Intro}</p>
      <div className={styles.links}>
        {(['xlsx', 'audit'] as const).map((kind) => (
          <span key={kind}>
            <Link href={api.retentionExportUrl(run.id, kind)} download onClick={(e) => void download(e, kind)}>
              {t[kind]}
            </Link>
            {run.exported.includes(kind) ? ` (${t.downloaded})` : ''}
          </span>
        ))}
        {busy ? <Spinner size="tiny" label={t.downloading} /> : null}
      </div>
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

function ConfirmForm({ run, onCulled }: { run: RetentionRunAnswer; onCulled: (result: RetentionCullAnswer) => void }) {
  const api = useApi();
  const t = useStrings(retentionStrings);
  const form = useFormStyles();
  const count = run.items.length;
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [culling, setCulling] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (typed.trim() !== String(count)) return setProblem(t.confirmMismatch(count));
    if (run.phase === 'prepared' && run.exported.length < 2) return setProblem(t.exportFirst);
    setProblem(undefined);
    setCulling(true);
    try {
      onCulled(await api.cullRetentionRun(run.id, count));
    } catch (failure) {
      setProblem((failure as Error).message);
    } finally {
      setCulling(false);
    }
  }

  return (
    <form className={form.form} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t.step2}</h3>
      <Field
        label={t.confirmLabel(count)}
        hint={t.confirmHint}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
      >
        <Input value={typed} inputMode="numeric" autoComplete="off" onChange={(_, d) => setTyped(d.value)} />
      </Field>
      <div className={form.actions}>
        <Button type="submit" appearance="primary" disabled={culling}>
          {culling ? t.culling : t.cull(count)}
        </Button>
      </div>
    </form>
  );
}

function RunSteps({
  run,
  onChanged,
  onCulled,
}: {
  run: RetentionRunAnswer;
  onChanged: (run: RetentionRunAnswer) => void;
  onCulled: (result: RetentionCullAnswer) => void;
}) {
  const t = useStrings(retentionStrings);
  const exported = (kind: RetentionExportKind) =>
    onChanged(run.exported.includes(kind) ? run : { ...run, exported: [...run.exported, kind] });
  return (
    <>
      {run.phase === 'culling' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.unfinished}</MessageBarBody>
        </MessageBar>
      ) : null}
      <DueTable due={run.items} />
      <ExportLinks run={run} onExported={exported} />
      <ConfirmForm run={run} onCulled={onCulled} />
    </>
  );
}

export function RetentionSection() {
  const api = useApi();
  const t = useStrings(retentionStrings);
  const [overview, setOverview] = useState<RetentionOverview | undefined>();
  const [run, setRun] = useState<RetentionRunAnswer | null>(null);
  const [failed, setFailed] = useState<string | undefined>();
  const [preparing, setPreparing] = useState(false);
  const [result, setResult] = useState<RetentionCullAnswer | undefined>();

  const load = useCallback(() => {
    api.retention().then(
      (answer) => {
        setOverview(answer);
        setRun(answer.run);
      },
      () => setFailed(t.failed),
    );
  }, [api, t.failed]);
  useEffect(load, [load]);

  async function prepare() {
    setPreparing(true);
    setResult(undefined);
    try {
      setRun(await api.prepareRetentionRun());
    } catch (failure) {
      setFailed((failure as Error).message);
    } finally {
      setPreparing(false);
    }
  }

  function culled(answer: RetentionCullAnswer) {
    setResult(answer);
    setRun(null);
    load();
  }

  return (
    <Section id="retention" heading={t.heading}>
      {failed ? <p role="alert">{failed}</p> : null}
      {!overview && !failed ? <p aria-live="polite">{t.loading}</p> : null}
      {overview?.policy.kind === 'keep' ? <p>{t.keep}</p> : null}
      {overview?.policy.kind === 'cull' ? (
        <>
          <p>{t.plan(overview.policy.decision)}</p>
          <p>{t.scopeIntro}</p>
        </>
      ) : null}
      <div aria-live="polite">
        {result ? <p role="status">{t.done(result.culled.length)}</p> : null}
        {result && result.skipped.length > 0 ? <p>{t.skipped(result.skipped.join(', '))}</p> : null}
      </div>
      {run ? (
        <RunSteps run={run} onChanged={setRun} onCulled={culled} />
      ) : overview && overview.due.length > 0 ? (
        <>
          <DueTable due={overview.due} />
          <div>
            <Button appearance="primary" disabled={preparing} onClick={() => void prepare()}>
              {preparing ? t.preparing : t.prepare}
            </Button>
          </div>
        </>
      ) : overview?.policy.kind === 'cull' ? (
        <p>{t.noneDue}</p>
      ) : null}
    </Section>
  );
}
