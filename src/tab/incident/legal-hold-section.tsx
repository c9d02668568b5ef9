/**
 * The DPO's retention and legal-hold section of the incident page: what the records plan will do
 * with the incident (kept, culled from a date, held), the hold if there is one, and the forms
 * that set, change and lift it. Open or closed alike: a hold matters most once it is closed.
 */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { LEGAL_HOLD_REASONS, legalHoldReasonLabel, type LegalHoldReason } from '../../domain/legal-hold';
import { stockholmDate } from '../../domain/stockholm-time';
import type { Incident, IncidentDetails } from '../../web/api-contract';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { ChangeForm } from './change-form';
import { legalHoldStrings } from './legal-hold-strings';
import { ChangeFeedback, type PanelProps } from './panel';
import { Section, useFormStyles } from './section';
import { useChange } from './use-change';

type Outlook = NonNullable<IncidentDetails['retention']>;
type Strings = (typeof legalHoldStrings)['sv'];

/** The outlook in words: kept, held, open, culled on a date, or may be culled from a date. */
export function retentionOutlookText(outlook: Outlook, t: Strings): string {
  switch (outlook.state) {
    case 'due':
      return t.outlook.due(stockholmDate(outlook.dueAt!));
    case 'culled':
      return t.outlook.culled(stockholmDate(outlook.culledAt!));
    default:
      return t.outlook[outlook.state];
  }
}

function HoldText({ incident }: { incident: Incident }) {
  const t = useStrings(legalHoldStrings);
  const locale = useLocale();
  const hold = incident.legalHold;
  if (!hold) return <p data-testid="legal-hold">{t.notHeld}</p>;
  return (
    <p data-testid="legal-hold">
      {t.held(legalHoldReasonLabel(hold.reason, locale), hold.reference ?? '', displayTime(hold.since), hold.by.name)}
    </p>
  );
}

function SetHoldForm({ panel }: { panel: PanelProps }) {
  const t = useStrings(legalHoldStrings);
  const locale = useLocale();
  const form = useFormStyles();
  const { incident } = panel;
  const [reason, setReason] = useState<LegalHoldReason | ''>(incident.legalHold?.reason ?? '');
  const [reference, setReference] = useState(incident.legalHold?.reference ?? '');
  const change = useChange(incident, panel.onChanged);
  const label = incident.legalHold ? t.change : t.set;
  return (
    <ChangeForm
      heading={label}
      change={change}
      panel={panel}
      submitLabel={label}
      onSubmit={() =>
        change.run('legal-hold', {
          reason: reason as LegalHoldReason,
          ...(reference.trim() ? { reference } : {}),
        })
      }
    >
      <div className={form.row}>
        <Field label={t.reason} required validationMessage={change.fieldErrors.reason}>
          <Select value={reason} required onChange={(_, d) => setReason(d.value as LegalHoldReason | '')}>
            <option value="" />
            {LEGAL_HOLD_REASONS.map((r) => (
              <option key={r.id} value={r.id}>
                {legalHoldReasonLabel(r.id, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.reference} hint={t.referenceHint} validationMessage={change.fieldErrors.reference}>
          <Input value={reference} maxLength={100} onChange={(_, d) => setReference(d.value)} />
        </Field>
      </div>
    </ChangeForm>
  );
}

/**
 * The lift button, while held, and what came of a lift: its status line stays after the button
 * goes (so the lift is announced), and says nothing once a hold is set again.
 */
function LiftHold({ panel }: { panel: PanelProps }) {
  const t = useStrings(legalHoldStrings);
  const form = useFormStyles();
  const change = useChange(panel.incident, panel.onChanged);
  const held = Boolean(panel.incident.legalHold);
  return (
    <div className={form.actions} role={held ? 'group' : undefined} aria-label={held ? t.liftHeading : undefined}>
      {held ? (
        <Button disabled={change.busy} onClick={() => void change.run('lift-legal-hold', {})}>
          {t.lift}
        </Button>
      ) : null}
      <ChangeFeedback change={{ ...change, saved: change.saved && !held }} panel={panel} saved={t.lifted} />
    </div>
  );
}

/** The section, for the DPO: the outlook, the hold, and (unless culled) its forms. */
export function LegalHoldSection({ panel, outlook }: { panel: PanelProps; outlook?: Outlook }) {
  const t = useStrings(legalHoldStrings);
  const { incident } = panel;
  return (
    <Section id="legal-hold" heading={t.heading}>
      <p>{t.intro}</p>
      {outlook ? (
        <p data-testid="retention-outlook">
          <strong>{t.outlookLabel}:</strong> {retentionOutlookText(outlook, t)}
        </p>
      ) : null}
      <HoldText incident={incident} />
      {incident.retention ? null : (
        <>
          <SetHoldForm panel={panel} />
          <LiftHold panel={panel} />
        </>
      )}
    </Section>
  );
}
