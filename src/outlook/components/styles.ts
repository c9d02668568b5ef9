/** Shared layout styles of the task pane. */
import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The task pane's layout classes.
 * @remarks Outlook's pane is 320–450 px wide: nothing may ask for more (WCAG 1.4.10 reflow). Flex and
 * grid children get `minWidth: 0` so a long option or address wraps instead of widening the page.
 */
export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '640px',
    margin: '0 auto',
    boxSizing: 'border-box',
    minWidth: 0,
    '> *': { minWidth: 0, maxWidth: '100%' },
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    '> *': { minWidth: 0 },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '> *': { minWidth: 0 } },
  /** A message bar's body that may shrink to the pane (its content wraps). */
  messageBody: { minWidth: 0 },
  /** A drop-down as wide as the pane, not as its longest option (the causes run to 60 characters). */
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectControl: { width: '100%', minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  /** Recipients start where the other facts' values start: no list indent. */
  plainList: { margin: 0, padding: 0, listStyleType: 'none' },
  /** Terms take at most 40 % of the width and wrap; the values keep the rest. */
  facts: {
    display: 'grid',
    gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  /** Facts with long terms (the receipt): each term above its value, the full width each. */
  stackedFacts: { display: 'flex', flexDirection: 'column', margin: 0, gap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word', minWidth: 0 },
  detail: { margin: 0, overflowWrap: 'break-word', minWidth: 0 },
  stackedDetail: { margin: `0 0 ${tokens.spacingVerticalS}`, overflowWrap: 'break-word' },
  recipient: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});
