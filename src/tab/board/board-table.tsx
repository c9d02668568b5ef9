/** The board's rows: number, title (masked), the next duty, the clock, status, owner, source, unit. */
import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { nextDuty } from '../../domain/duties';
import { maskPersonalData } from '../../domain/identity-number';
import type { Incident } from '../../web/api-contract';
import { commonStrings } from '../common-strings';
import { Countdown } from '../components/countdown';
import { statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { hrefOf } from '../routing';
import { boardStrings } from './board-strings';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
    '& th': { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  },
  caption: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' },
  overdueRow: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteRedBorder2}` },
  todayRow: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteDarkOrangeBorder2}` },
  number: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  duty: { fontWeight: tokens.fontWeightSemibold },
});

function BoardRow({ incident: i, now }: { incident: Incident; now: Date }) {
  const t = useStrings(boardStrings);
  const common = useStrings(commonStrings);
  const locale = useLocale();
  const styles = useStyles();
  const duty = nextDuty(i, now);
  return (
    <tr
      className={mergeClasses(
        duty.urgency === 'overdue' && styles.overdueRow,
        duty.urgency === 'today' && styles.todayRow,
      )}
      data-overdue={duty.urgency === 'overdue' ? 'true' : undefined}
      data-urgency={duty.urgency}
    >
      <th scope="row" className={styles.number}>
        <Link href={hrefOf({ page: 'incident', id: i.number })}>{i.number}</Link>
      </th>
      <td>{maskPersonalData(i.title)}</td>
      <td className={styles.duty} data-duty={duty.id}>
        {t.duties[duty.id]}
      </td>
      <td>
        <Countdown incident={i} now={now} />
      </td>
      <td className={styles.number}>{displayTime(i.deadline)}</td>
      <td>{statusLabel(i.status, locale)}</td>
      <td>{i.owner?.name ?? common.noOwner}</td>
      <td>{common.sources[i.source]}</td>
      <td>{i.unit ?? '–'}</td>
    </tr>
  );
}

export function BoardTable({ rows, now }: { rows: Incident[]; now: Date }) {
  const t = useStrings(boardStrings);
  const styles = useStyles();
  const c = t.columns;
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t.caption}</caption>
        <thead>
          <tr>
            {[c.number, c.title, c.next, c.timeLeft, c.deadline, c.status, c.owner, c.source, c.unit].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <BoardRow key={i.id} incident={i} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
