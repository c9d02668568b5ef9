/**
 * The register: the checks as a to-do list, the half-year report for the committee with charts
 * by cause and by month, the export of the whole register as CSV or Excel, and the retention run.
 */
import { PageHeading } from '../components/page-heading';
import { useStrings } from '../i18n';
import { ExportSection } from './register-export';
import { ReportSection } from './register-report-section';
import { registerStrings } from './register-strings';
import { RetentionSection } from './retention-section';
import { useRegisterStyles } from './register-styles';
import { SendCheckSection } from './send-check-section';
import { TodoSection } from './register-todo';

export function RegisterPage() {
  const t = useStrings(registerStrings);
  const styles = useRegisterStyles();
  return (
    <div className={styles.page}>
      <div>
        <PageHeading title={t.title}>{t.title}</PageHeading>
        <p>{t.intro}</p>
      </div>
      <TodoSection />
      <ReportSection />
      <SendCheckSection />
      <ExportSection />
      <RetentionSection />
    </div>
  );
}
