/** The mark of an incident under a legal hold (spärr), on its page and on the board. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { legalHoldStrings } from '../incident/legal-hold-strings';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  mark: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  hidden: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' },
});

/** "Spärrad", with the whole meaning for screen readers. */
export function LegalHoldMark() {
  const t = useStrings(legalHoldStrings);
  const styles = useStyles();
  return (
    <span className={styles.mark} data-testid="legal-hold-mark" title={t.markLabel}>
      <span aria-hidden="true">{t.mark}</span>
      <span className={styles.hidden}>{t.markLabel}</span>
    </span>
  );
}
