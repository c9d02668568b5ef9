/** The register page's shared layout. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useRegisterStyles = makeStyles({
  page: { maxWidth: '60rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  todo: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  numbers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    '& > div': {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: tokens.spacingHorizontalM,
    },
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': {
      margin: 0,
      fontSize: tokens.fontSizeHero700,
      fontWeight: tokens.fontWeightSemibold,
      fontVariantNumeric: 'tabular-nums',
    },
  },
  period: { maxWidth: '18rem' },
  document: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  links: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', alignItems: 'center' },
});
