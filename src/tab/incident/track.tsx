/**
 * A track of the incident page (the assessment, the IMY notice, art. 34, lex Sarah, police, the
 * end, awareness) as a disclosure: a heading whose button says where the track stands in one
 * line and opens or closes it (`aria-expanded`). A track opens itself when it becomes due.
 * @remarks The content is hidden, not removed, when closed, so a half-typed form survives. Outside
 * a {@link TrackProvider} (a panel rendered alone) every track is open.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** Where a track stands; `due` opens it. */
export type TrackStatus = 'due' | 'done' | 'waiting' | 'not-required' | 'open';

export interface TrackOpening {
  isOpen(id: string): boolean;
  toggle(id: string): void;
  /** Opens the track and moves focus to its heading (the next-duty button does this). */
  reveal(id: string): void;
}

const ALWAYS_OPEN: TrackOpening = { isOpen: () => true, toggle: () => undefined, reveal: () => undefined };
const TrackContext = createContext<TrackOpening>(ALWAYS_OPEN);

/** The heading button's id of a track (focus goes there on reveal). */
export const trackHeadingId = (id: string) => `${id}-heading`;

/** Which tracks are open: the due ones from the start, and each as it becomes due; the DPO toggles the rest. */
export function useTrackOpening(states: Record<string, TrackStatus>): TrackOpening {
  const due = Object.keys(states).filter((id) => states[id] === 'due');
  const dueKey = due.join(' ');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(due));
  const seenDue = useRef(new Set(due));
  const [focusId, setFocusId] = useState<string | undefined>();

  useEffect(() => {
    const became = dueKey.split(' ').filter((id) => id && !seenDue.current.has(id));
    seenDue.current = new Set(dueKey.split(' ').filter(Boolean));
    if (became.length) setOpen((s) => new Set([...s, ...became]));
  }, [dueKey]);

  useEffect(() => {
    if (!focusId) return;
    const heading = document.getElementById(trackHeadingId(focusId));
    heading?.focus();
    heading?.scrollIntoView?.({ block: 'start' });
    setFocusId(undefined);
  }, [focusId, open]);

  const toggle = useCallback(
    (id: string) =>
      setOpen((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const reveal = useCallback((id: string) => {
    setOpen((s) => new Set([...s, id]));
    setFocusId(id);
  }, []);
  return useMemo(() => ({ isOpen: (id: string) => open.has(id), toggle, reveal }), [open, toggle, reveal]);
}

export function TrackProvider({ value, children }: { value: TrackOpening; children: ReactNode }) {
  return <TrackContext.Provider value={value}>{children}</TrackContext.Provider>;
}

/** The tracks' opening, for the next-duty button. */
export function useTracks(): TrackOpening {
  return useContext(TrackContext);
}

const useStyles = makeStyles({
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  due: { borderLeft: `4px solid ${tokens.colorBrandStroke1}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  toggle: {
    display: 'flex',
    width: '100%',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    flexWrap: 'wrap',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  chevron: { width: '1em', flex: '0 0 auto' },
  summary: {
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
    // `display: flex` would otherwise override the `hidden` attribute.
    '&[hidden]': { display: 'none' },
  },
});

export interface TrackProps {
  id: string;
  heading: string;
  /** One line: where the track stands, shown open or closed. */
  summary: string;
  status: TrackStatus;
  children: ReactNode;
}

export function Track({ id, heading, summary, status, children }: TrackProps) {
  const styles = useStyles();
  const tracks = useTracks();
  const open = tracks.isOpen(id);
  return (
    <section
      className={mergeClasses(styles.section, status === 'due' && styles.due)}
      aria-labelledby={trackHeadingId(id)}
      data-section={id}
      data-state={status}
    >
      <h2 className={styles.heading}>
        <button
          type="button"
          id={trackHeadingId(id)}
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => tracks.toggle(id)}
        >
          <span className={styles.chevron} aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span>{heading}</span>
          <span className={styles.summary} data-testid={`${id}-summary`}>
            {summary}
          </span>
        </button>
      </h2>
      <div id={`${id}-body`} className={styles.body} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
