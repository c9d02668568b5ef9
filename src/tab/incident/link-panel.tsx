/**
 * "Samma händelse": the DPO links the report to a main incident (the same event reported again) or
 * removes the link; a main lists the reports linked to it. The rules are the domain's
 * (src/domain/incident-links.ts); the API refuses what they refuse, and the panel shows why.
 */
import { Button, Field, Input, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { maskPersonalData } from '../../domain/identity-number';
import type { IncidentDetails } from '../../web/api-contract';
import { statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { hrefOf } from '../routing';
import { ChangeForm } from './change-form';
import { linkStrings } from './link-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { useFormStyles } from './section';
import { Track } from './track';
import { useChange } from './use-change';

type LinkedReports = NonNullable<IncidentDetails['linkedReports']>;

function LinkedHere({ reports }: { reports: LinkedReports }) {
  const t = useStrings(linkStrings);
  const locale = useLocale();
  return (
    <section aria-label={t.linkedHere}>
      <p>{t.linkedHere}:</p>
      <ul data-testid="linked-reports">
        {reports.map((r) => (
          <li key={r.id}>
            <Link href={hrefOf({ page: 'incident', id: r.number })}>{r.number}</Link>: {maskPersonalData(r.title)} (
            {statusLabel(r.status, locale)})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LinkPanel(panel: PanelProps & { linkedReports: LinkedReports }) {
  const { incident, canEdit, linkedReports } = panel;
  const t = useStrings(linkStrings);
  const form = useFormStyles();
  const [mainNumber, setMainNumber] = useState('');
  const change = useChange(incident, panel.onChanged);
  const link = incident.linkedTo;
  const summary = link
    ? t.summaryLinked(link.number)
    : linkedReports.length
      ? t.summaryMain(linkedReports.length)
      : t.summaryNone;

  return (
    <Track id="link" heading={t.heading} summary={summary} status={link || linkedReports.length ? 'done' : 'open'}>
      <p>{t.intro}</p>
      {link ? (
        <div data-testid="linked-to">
          <p>
            {t.linkedTo}: <Link href={hrefOf({ page: 'incident', id: link.number })}>{link.number}</Link>.{' '}
            {t.linkedBy(displayTime(link.linkedAt), link.linkedBy.name)}
          </p>
          {canEdit ? (
            <div className={form.actions}>
              <Button disabled={change.busy} onClick={() => void change.run('unlink', {})}>
                {t.unlink}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {linkedReports.length ? <LinkedHere reports={linkedReports} /> : null}
      {!link && linkedReports.length ? <p>{t.isMain}</p> : null}
      {!link && !linkedReports.length && canEdit ? (
        <ChangeForm
          heading={t.heading}
          change={change}
          panel={panel}
          submitLabel={t.link}
          saved={t.linked}
          feedback={false}
          onSubmit={() => change.run('link', { mainNumber: mainNumber.trim() })}
        >
          <Field
            label={t.mainNumber}
            hint={t.mainNumberHint}
            required
            validationMessage={change.fieldErrors.mainNumber}
          >
            <Input value={mainNumber} required onChange={(_, d) => setMainNumber(d.value)} />
          </Field>
        </ChangeForm>
      ) : null}
      <ChangeFeedback change={change} panel={panel} saved={link ? t.linked : t.unlinked} />
    </Track>
  );
}
