/**
 * A bar chart as a table: each row a label, a bar and the number. Screen readers read it as
 * the table it is; the bars are decoration and stay visible in forced-colours mode.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', maxWidth: '44rem' },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    paddingBottom: tokens.spacingVerticalS,
  },
  label: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS} 0`,
    width: '45%',
    verticalAlign: 'middle',
  },
  cell: { padding: `${tokens.spacingVerticalXS} 0`, verticalAlign: 'middle' },
  barRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: {
    height: '1.1rem',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText', forcedColorAdjust: 'none' },
  },
  value: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  header: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' },
});

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export function BarChart({
  caption,
  bars,
  labelHeader,
  valueHeader,
  testId,
}: {
  caption: string;
  bars: Bar[];
  labelHeader: string;
  valueHeader: string;
  testId?: string;
}) {
  const styles = useStyles();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <table className={styles.table} data-testid={testId}>
      <caption className={styles.caption}>{caption}</caption>
      <thead className={styles.header}>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row" className={styles.label}>
              {b.label}
            </th>
            <td className={styles.cell}>
              <div className={styles.barRow}>
                <div
                  className={styles.bar}
                  style={{ width: b.value ? `max(2px, ${(b.value / max) * 80}%)` : 0 }}
                  aria-hidden="true"
                />
                <span className={styles.value}>{b.value}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
