/** The board's rows: number, title (masked), the next duty, the clock, status, owner, source, unit. */
import { Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SameMark } from '../../domain/similar-reports';
import { nextDuty } from '../../domain/duties';
import { maskPersonalData } from '../../domain/identity-number';
import type { Incident } from '../../web/api-contract';
import { commonStrings } from '../common-strings';
import { Countdown } from '../components/countdown';
import { LegalHoldMark } from '../components/legal-hold-mark';
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
  linkedRow: { '& th': { paddingLeft: tokens.spacingHorizontalXXL } },
  note: {
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

/** Links a report to the main incident its mark names (the board's action on a mark). */
export type OnLink = (incident: Incident, mainNumber: string) => void;

/** A report's notes under its title: its link, or its *möjligen samma händelse* mark with the action. */
function TitleNotes({
  incident: i,
  mark,
  onLink,
  busy,
}: {
  incident: Incident;
  mark?: SameMark;
  onLink?: OnLink;
  busy: boolean;
}) {
  const t = useStrings(boardStrings);
  const styles = useStyles();
  if (i.linkedTo) {
    return (
      <div className={styles.note} data-linked-to={i.linkedTo.number}>
        <span aria-hidden="true">↳</span> {t.linked(i.linkedTo.number)}
      </div>
    );
  }
  if (!mark) return null;
  return (
    <div className={styles.note} data-possibly-same={mark.first}>
      <span>
        {t.possiblySame(mark.first)} ({t.sameReasons[mark.reason]})
      </span>
      {onLink && i.status !== 'closed' ? (
        <Button
          size="small"
          disabled={busy}
          aria-label={t.linkToLabel(i.number, mark.first)}
          onClick={() => onLink(i, mark.first)}
        >
          {t.linkTo(mark.first)}
        </Button>
      ) : null}
    </div>
  );
}

interface RowProps {
  incident: Incident;
  now: Date;
  mark?: SameMark;
  onLink?: OnLink;
  busy: boolean;
  /** Shown right under its main. */
  underMain: boolean;
}

function BoardRow({ incident: i, now, mark, onLink, busy, underMain }: RowProps) {
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
        underMain && styles.linkedRow,
      )}
      data-overdue={duty.urgency === 'overdue' ? 'true' : undefined}
      data-urgency={duty.urgency}
    >
      <th scope="row" className={styles.number}>
        <Link href={hrefOf({ page: 'incident', id: i.number })}>{i.number}</Link>
      </th>
      <td>
        {maskPersonalData(i.title)}
        <TitleNotes incident={i} mark={mark} onLink={onLink} busy={busy} />
      </td>
      <td className={styles.duty} data-duty={duty.id}>
        {t.duties[duty.id]}
      </td>
      <td>
        <Countdown incident={i} now={now} />
      </td>
      <td className={styles.number}>{displayTime(i.deadline)}</td>
      <td>
        {statusLabel(i.status, locale)}
        {i.legalHold ? (
          <>
            {' '}
            <LegalHoldMark />
          </>
        ) : null}
      </td>
      <td>{i.owner?.name ?? common.noOwner}</td>
      <td>{common.sources[i.source]}</td>
      <td>{i.unit ?? '–'}</td>
    </tr>
  );
}

export interface BoardTableProps {
  rows: Incident[];
  now: Date;
  /** The *möjligen samma händelse* marks, by number. */
  marks?: ReadonlyMap<string, SameMark>;
  onLink?: OnLink;
  /** A link is being made: the buttons wait. */
  busy?: boolean;
}

export function BoardTable({ rows, now, marks, onLink, busy = false }: BoardTableProps) {
  const t = useStrings(boardStrings);
  const styles = useStyles();
  const c = t.columns;
  // A linked report whose main is shown stands right under it (boardRows).
  const shown = new Set(rows.map((r) => r.id));
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
            <BoardRow
              key={i.id}
              incident={i}
              now={now}
              mark={marks?.get(i.number)}
              onLink={onLink}
              busy={busy}
              underMain={Boolean(i.linkedTo && shown.has(i.linkedTo.id))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
