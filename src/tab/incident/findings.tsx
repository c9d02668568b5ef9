/** What the register checks find to review about this incident. */
import { REGISTER_CHECKS, type RegisterCheckId } from '../../domain/register-checks';
import { labelOf } from '../../domain/vocabulary';
import { useLocale, useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { Section } from './section';

export function Findings({ findings }: { findings: RegisterCheckId[] }) {
  const t = useStrings(incidentStrings).findings;
  const locale = useLocale();
  return (
    <Section id="findings" heading={t.heading}>
      {findings.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul data-testid="incident-findings">
          {findings.map((f) => (
            <li key={f}>{labelOf(REGISTER_CHECKS, f, locale)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}
