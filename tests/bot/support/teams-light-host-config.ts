/**
 * The colours, fonts and spacing of Teams' light theme as an Adaptive Cards host config, for
 * rendering the bot's cards with Microsoft's renderer (the `adaptivecards` package) in a browser.
 * @remarks The values are those Microsoft publishes for the Adaptive Cards designer's "Microsoft
 * Teams (light)" host. Teams' `good` (#92c353) and `warning` (#f8d22a) on white are below 4.5:1,
 * which is why PUI Desk's cards use only `default` and `attention` for text on white.
 */
const FOREGROUND = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: FOREGROUND });

const FONT_SIZES = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };

export const TEAMS_LIGHT_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  fontTypes: {
    default: {
      fontFamily: "'Segoe UI', 'DejaVu Sans', sans-serif",
      fontSizes: FONT_SIZES,
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "'Courier New', Courier, monospace",
      fontSizes: FONT_SIZES,
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  containerStyles: {
    default: style('#ffffff'),
    emphasis: style('#fff9f8f7'),
    accent: style('#C7DEF9'),
    good: style('#CCFFCC'),
    attention: style('#FFC5B2'),
    warning: style('#FFE2B2'),
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
  },
  // A host names the level of a card's headings (`style: heading`); without one the renderer leaves aria-level out.
  textBlock: { headingLevel: 2 },
  inputs: { label: { requiredInputs: { suffix: ' *' }, optionalInputs: {} } },
  factSet: {
    title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder', wrap: true },
    value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
    spacing: 16,
  },
};
