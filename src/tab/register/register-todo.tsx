/** The register checks as a to-do list: each incident with what looks wrong, a link to fix it. */
import { Link, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { maskPersonalData } from '../../domain/identity-number';
import { REGISTER_CHECKS } from '../../domain/register-checks';
import { labelOf } from '../../domain/vocabulary';
import type { FindingsRow } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { LoadError } from '../components/load-error';
import { statusLabel } from '../components/status-text';
import { useLocale, useStrings } from '../i18n';
import { Section } from '../incident/section';
import { hrefOf } from '../routing';
import { registerStrings } from './register-strings';
import { useRegisterStyles } from './register-styles';

export function TodoSection() {
  const api = useApi();
  const locale = useLocale();
  const t = useStrings(registerStrings);
  const common = useStrings(commonStrings);
  const styles = useRegisterStyles();
  const [findings, setFindings] = useState<FindingsRow[] | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    api.registerFindings().then(setFindings, setError);
  }, [api]);
  useEffect(load, [load]);

  return (
    <Section id="todo" heading={t.todo(findings?.length ?? 0)}>
      <p>{t.todoIntro}</p>
      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!findings && !error ? <Spinner label={common.loading} /> : null}
      {findings && findings.length === 0 ? <p>{t.todoNone}</p> : null}
      {findings && findings.length > 0 ? (
        <ul className={styles.todo} data-testid="register-todo">
          {findings.map((row) => (
            <li key={row.incident.id}>
              <Link href={hrefOf({ page: 'incident', id: row.incident.number })}>{row.incident.number}</Link>{' '}
              {maskPersonalData(row.incident.title)} ({statusLabel(row.incident.status, locale)}):{' '}
              {row.findings.map((f) => labelOf(REGISTER_CHECKS, f, locale)).join('; ')}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
