/**
 * Typed Adaptive Cards 1.5: the subset PUI Desk uses, so a misspelt property or a wrong value
 * is a compile error, and small builders for the common pieces.
 */
import { withoutDirectionControls } from '../../src/domain';
import type { ActionData } from '../verbs';

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'default' | 'lighter' | 'bolder';
  size?: 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
  color?: TextColor;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
  maxLines?: number;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  /** The client refuses a value that does not match (with `errorMessage`) before it is sent. */
  regex?: string;
}

export interface InputDate extends InputBase {
  type: 'Input.Date';
  /** `YYYY-MM-DD` */
  value?: string;
  min?: string;
  max?: string;
}

export interface InputTime extends InputBase {
  type: 'Input.Time';
  /** `HH:mm` */
  value?: string;
}

export interface InputNumber extends InputBase {
  type: 'Input.Number';
  value?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  /** Selected values, comma-separated when `isMultiSelect`. */
  value?: string;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  placeholder?: string;
  wrap?: boolean;
}

/**
 * A checkbox. `title` is the text beside it; the client submits `valueOn` or `valueOff` (strings,
 * `"true"` and `"false"` by default), never a boolean.
 */
export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardInput = InputText | InputDate | InputTime | InputNumber | InputChoiceSet | InputToggle;
export type CardElement = TextBlock | FactSet | Container | ActionSet | CardInput;

interface ActionBase {
  title: string;
  id?: string;
  style?: 'default' | 'positive' | 'destructive';
}

/** Universal Action: an `adaptiveCard/action` invoke to the bot with a verb from the union. */
export interface ActionExecute extends ActionBase {
  type: 'Action.Execute';
  verb: ActionData['verb'];
  data: ActionData;
  associatedInputs?: 'auto' | 'none';
}

/** A submit from a dialog (task module), where Universal Actions do not run. */
export interface ActionSubmit extends ActionBase {
  type: 'Action.Submit';
  data: ActionData;
  associatedInputs?: 'auto' | 'none';
}

export interface ActionOpenUrl extends ActionBase {
  type: 'Action.OpenUrl';
  url: string;
}

export interface ActionShowCard extends ActionBase {
  type: 'Action.ShowCard';
  card: NestedCard;
}

/** Shows or hides elements of the card on the client, without a round trip to the bot. */
export interface ActionToggleVisibility extends ActionBase {
  type: 'Action.ToggleVisibility';
  targetElements: string[];
}

export type CardAction = ActionExecute | ActionSubmit | ActionOpenUrl | ActionShowCard | ActionToggleVisibility;

/** A card inside `Action.ShowCard`. */
export interface NestedCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Universal Actions refresh: listed users' clients ask the bot for a fresh card when they see it. */
  refresh?: { action: ActionExecute; userIds?: string[] };
  fallbackText?: string;
  msteams?: { width?: 'Full'; entities?: MentionEntity[] };
}

/**
 * An @mention in a card (`msteams.entities`): `text` appears verbatim in a TextBlock of the card.
 * `mentioned.id` may be a Teams user id (`29:…`) or, in cards from bots, an Entra object id.
 */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** A 1.5 card with the given body and actions. */
export function card(
  body: CardElement[],
  extra: Partial<Omit<AdaptiveCard, 'type' | '$schema' | 'version' | 'body'>> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...extra,
  };
}

/** A wrapping TextBlock. */
export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A heading TextBlock. */
export function heading(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return text(value, { style: 'heading', weight: 'bolder', size: 'medium', ...options });
}

/** An `Action.Execute` whose verb is the data's verb. */
export function execute(
  title: string,
  data: ActionData,
  options: Omit<ActionExecute, 'type' | 'title' | 'verb' | 'data'> = {},
): ActionExecute {
  return { type: 'Action.Execute', title, verb: data.verb, data, ...options };
}

/** An `Action.Submit` carrying the verb in its data. */
export function submit(
  title: string,
  data: ActionData,
  options: Omit<ActionSubmit, 'type' | 'title' | 'data'> = {},
): ActionSubmit {
  return { type: 'Action.Submit', title, data, ...options };
}

/**
 * User text as a card may show it: never a link to somewhere else, never turned round.
 * @remarks Teams renders no backslash escapes, so the link form `[text](url)` is broken up instead.
 * Direction controls (U+202E and kin) are dropped: new input refuses them, but what was stored or
 * imported before must not make a card read differently from the register either.
 */
export function plain(value: string): string {
  return withoutDirectionControls(value).replace(/\]\s*\(/g, '] (');
}

/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
