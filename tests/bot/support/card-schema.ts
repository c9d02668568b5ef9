/**
 * A structural check of Adaptive Cards 1.5 as Teams reads them: known element and action types,
 * only the properties each type has, unique input ids, verbs from the union, valid enum values.
 * Catches what the compiler cannot see in JSON that came from elsewhere (`warp: true`).
 */
import { VERBS } from '../../../bot/verbs';

const COMMON = ['type', 'id', 'spacing', 'separator', 'isVisible'];
const INPUT = [...COMMON, 'label', 'isRequired', 'errorMessage'];

const ELEMENTS: Record<string, string[]> = {
  TextBlock: [...COMMON, 'text', 'wrap', 'weight', 'size', 'color', 'isSubtle', 'style', 'maxLines'],
  FactSet: [...COMMON, 'facts'],
  Container: [...COMMON, 'items', 'style', 'bleed'],
  ActionSet: [...COMMON, 'actions'],
  'Input.Text': [...INPUT, 'value', 'placeholder', 'isMultiline', 'maxLength', 'regex'],
  'Input.Date': [...INPUT, 'value', 'min', 'max'],
  'Input.Time': [...INPUT, 'value'],
  'Input.Number': [...INPUT, 'value', 'min', 'max', 'placeholder'],
  'Input.ChoiceSet': [...INPUT, 'choices', 'value', 'isMultiSelect', 'style', 'placeholder', 'wrap'],
  'Input.Toggle': [...INPUT, 'title', 'value', 'valueOn', 'valueOff', 'wrap'],
};

const ACTIONS: Record<string, string[]> = {
  'Action.Execute': ['type', 'title', 'id', 'style', 'verb', 'data', 'associatedInputs'],
  'Action.Submit': ['type', 'title', 'id', 'style', 'data', 'associatedInputs'],
  'Action.OpenUrl': ['type', 'title', 'id', 'style', 'url'],
  'Action.ShowCard': ['type', 'title', 'id', 'style', 'card'],
  'Action.ToggleVisibility': ['type', 'title', 'id', 'style', 'targetElements'],
};

const ENUMS: Record<string, string[]> = {
  spacing: ['none', 'small', 'default', 'medium', 'large', 'extraLarge', 'padding'],
  weight: ['default', 'lighter', 'bolder'],
  size: ['default', 'small', 'medium', 'large', 'extraLarge'],
  color: ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'],
};

/** Problems with a card; empty when it is well-formed. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const elementIds = new Set<string>();
  const toggled: { path: string; id: string }[] = [];
  const c = card as Record<string, unknown>;
  if (c.type !== 'AdaptiveCard') problems.push('root is not an AdaptiveCard');
  if (c.version !== '1.5') problems.push(`version is ${String(c.version)}, not 1.5`);
  const allowedRoot = ['type', '$schema', 'version', 'body', 'actions', 'refresh', 'fallbackText', 'msteams'];
  for (const key of Object.keys(c)) if (!allowedRoot.includes(key)) problems.push(`root: unknown property ${key}`);

  const checkAction = (a: Record<string, unknown>, path: string): void => {
    const allowed = ACTIONS[a.type as string];
    if (!allowed) return void problems.push(`${path}: unknown action type ${String(a.type)}`);
    for (const key of Object.keys(a))
      if (!allowed.includes(key)) problems.push(`${path}: ${String(a.type)} has no property ${key}`);
    if (typeof a.title !== 'string' || a.title === '') problems.push(`${path}: action without title`);
    if (a.type === 'Action.Execute') {
      if (!(VERBS as readonly string[]).includes(a.verb as string))
        problems.push(`${path}: unknown verb ${String(a.verb)}`);
      if ((a.data as { verb?: unknown })?.verb !== a.verb) problems.push(`${path}: data.verb differs from verb`);
    }
    if (a.type === 'Action.Submit' && !(VERBS as readonly string[]).includes((a.data as { verb?: string })?.verb ?? ''))
      problems.push(`${path}: submit without a known verb`);
    if (a.type === 'Action.OpenUrl' && !/^https?:\/\//.test(String(a.url))) problems.push(`${path}: bad url`);
    if (a.type === 'Action.ToggleVisibility') {
      const targets = a.targetElements;
      if (!Array.isArray(targets) || targets.length === 0) problems.push(`${path}: ToggleVisibility without targets`);
      else for (const id of targets) toggled.push({ path, id: String(id) });
    }
    if (a.type === 'Action.ShowCard') {
      const nested = a.card as Record<string, unknown>;
      if (nested?.type !== 'AdaptiveCard') problems.push(`${path}: ShowCard without a card`);
      walkElements(nested?.body, `${path}.card.body`);
      ((nested?.actions as Record<string, unknown>[]) ?? []).forEach((x, i) =>
        checkAction(x, `${path}.card.actions[${i}]`),
      );
    }
  };

  function walkElements(elements: unknown, path: string): void {
    if (!Array.isArray(elements)) return void problems.push(`${path}: not a list`);
    elements.forEach((el: Record<string, unknown>, i) => {
      const p = `${path}[${i}]`;
      const allowed = ELEMENTS[el.type as string];
      if (!allowed) return void problems.push(`${p}: unknown element type ${String(el.type)}`);
      for (const key of Object.keys(el))
        if (!allowed.includes(key)) problems.push(`${p}: ${String(el.type)} has no property ${key}`);
      for (const [key, values] of Object.entries(ENUMS))
        if (el[key] !== undefined && !values.includes(el[key] as string))
          problems.push(`${p}: ${key}=${String(el[key])}`);
      if (typeof el.id === 'string') elementIds.add(el.id);
      if (el.type === 'Input.Text' && el.regex !== undefined) {
        try {
          new RegExp(String(el.regex));
        } catch (error) {
          problems.push(`${p}: regex does not compile (${(error as Error).message})`);
        }
      }
      if (String(el.type).startsWith('Input.')) {
        if (typeof el.id !== 'string' || el.id === '') problems.push(`${p}: input without id`);
        else if (ids.has(el.id)) problems.push(`${p}: duplicate input id ${el.id}`);
        else ids.add(el.id);
      }
      if (el.type === 'TextBlock' && typeof el.text !== 'string') problems.push(`${p}: TextBlock without text`);
      if (el.type === 'FactSet')
        for (const f of el.facts as { title: unknown; value: unknown }[])
          if (typeof f.title !== 'string' || typeof f.value !== 'string')
            problems.push(`${p}: fact without title/value`);
      if (el.type === 'Input.ChoiceSet' && !(el.choices as unknown[])?.length)
        problems.push(`${p}: choice set without choices`);
      if (el.type === 'Input.Toggle' && (typeof el.title !== 'string' || el.title === ''))
        problems.push(`${p}: toggle without title`);
      if (el.type === 'Input.Toggle')
        for (const key of ['value', 'valueOn', 'valueOff'])
          if (el[key] !== undefined && typeof el[key] !== 'string')
            problems.push(`${p}: toggle ${key} is not a string`);
      if (el.type === 'Container') walkElements(el.items, `${p}.items`);
      if (el.type === 'ActionSet')
        (el.actions as Record<string, unknown>[]).forEach((a, j) => checkAction(a, `${p}.actions[${j}]`));
    });
  }

  walkElements(c.body, 'body');
  ((c.actions as Record<string, unknown>[]) ?? []).forEach((a, i) => checkAction(a, `actions[${i}]`));
  for (const t of toggled)
    if (!elementIds.has(t.id)) problems.push(`${t.path}: toggles ${t.id}, which is not in the card`);
  if (c.refresh) {
    const r = c.refresh as { action: Record<string, unknown>; userIds?: unknown[] };
    checkAction(r.action, 'refresh.action');
    if (r.action?.type !== 'Action.Execute') problems.push('refresh.action is not Action.Execute');
    if (r.userIds && r.userIds.length > 60) problems.push('refresh.userIds holds more than 60 users');
  }
  return problems;
}
