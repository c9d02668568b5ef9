/**
 * The four SharePoint lists PUI Desk keeps, their columns and indexes: one description
 * shared by the adapter (what it reads and writes) and provisioning (what it creates).
 * @remarks Every column the adapter filters or sorts on is indexed: SharePoint refuses a
 * filter on an unindexed column once a list passes 5,000 items. A list has at most 20
 * indexes. Columns that identify one item (`IncidentId`, `ReportId`, ...) also enforce unique
 * values, which makes a duplicate create fail instead of silently adding a second item.
 */
import { CAUSES } from '../../domain/causes';
import { LEGAL_HOLD_REASONS } from '../../domain/legal-hold';
import { RISK_LEVEL_IDS, SOURCES, STATUS_IDS } from '../../domain/vocabulary';

export type ColumnKind = 'text' | 'note' | 'dateTime' | 'choice' | 'boolean' | 'number';

/** One list column. */
export interface ColumnSpec {
  /** Internal name, used in `fields/<name>`. */
  name: string;
  /** What people see in SharePoint (the register's own headings where there is one). */
  displayName: string;
  kind: ColumnKind;
  indexed?: boolean;
  unique?: boolean;
  choices?: readonly string[];
  /** Kept out of SharePoint's forms: machine columns. */
  hidden?: boolean;
}

export type ListKey = 'incidents' | 'events' | 'state' | 'access';

/** One list. */
export interface ListSpec {
  key: ListKey;
  /** The list's display name is `${prefix}${suffix}`. */
  suffix: string;
  description: string;
  columns: readonly ColumnSpec[];
}

/** Ja/Nej, as the register writes yes and no. */
export const YES_NO = ['Ja', 'Nej'] as const;
export const LIFECYCLE = ['open', 'closed'] as const;

export const INCIDENTS_LIST: ListSpec = {
  key: 'incidents',
  suffix: 'Incidents',
  description: 'PUI Desk: registret över personuppgiftsincidenter. Ändras genom appen, inte här.',
  columns: [
    { name: 'IncidentId', displayName: 'Incident-id', kind: 'text', indexed: true, unique: true, hidden: true },
    { name: 'IncidentNumber', displayName: 'Nummer', kind: 'text', indexed: true, unique: true },
    { name: 'ReportId', displayName: 'Rapport-id', kind: 'text', indexed: true, unique: true, hidden: true },
    { name: 'IncidentTitle', displayName: 'Rubrik', kind: 'text' },
    { name: 'DiscoveredAt', displayName: 'När upptäckte ni incidenten?', kind: 'dateTime', indexed: true },
    { name: 'Description', displayName: 'Beskrivning av incidenten', kind: 'note' },
    {
      name: 'UnlikelyRisk',
      displayName: 'Är det osannolikt att incidenten medfört en risk för de registrerades fri- och rättigheter?',
      kind: 'choice',
      choices: YES_NO,
    },
    {
      name: 'ReportedToAuthority',
      displayName: 'Har incidenten anmälts till en tillsynsmyndighet?',
      kind: 'choice',
      choices: YES_NO,
    },
    { name: 'OccurredAt', displayName: 'När inträffade incidenten?', kind: 'dateTime' },
    {
      name: 'Cause',
      displayName: 'Varför inträffade incidenten enligt er uppfattning?',
      kind: 'choice',
      choices: CAUSES.map((c) => c.label),
    },
    { name: 'Status', displayName: 'Status', kind: 'choice', choices: STATUS_IDS },
    { name: 'Source', displayName: 'Källa', kind: 'choice', choices: SOURCES },
    { name: 'Risk', displayName: 'Riskbedömning', kind: 'choice', choices: RISK_LEVEL_IDS },
    { name: 'BreachTypes', displayName: 'Typ av incident', kind: 'text' },
    { name: 'DataCategories', displayName: 'Kategorier av uppgifter', kind: 'text' },
    { name: 'AffectedCount', displayName: 'Antal registrerade (ungefär)', kind: 'number' },
    { name: 'Unit', displayName: 'Enhet', kind: 'text' },
    { name: 'SubjectCategories', displayName: 'Kategorier av registrerade', kind: 'text' },
    { name: 'RecordCount', displayName: 'Antal personuppgiftsposter (ungefär)', kind: 'number' },
    { name: 'CrossBorder', displayName: 'Gränsöverskridande', kind: 'choice', choices: YES_NO },
    { name: 'ReporterId', displayName: 'Rapportör (id)', kind: 'text', indexed: true, hidden: true },
    { name: 'ReporterName', displayName: 'Rapportör', kind: 'text' },
    { name: 'OwnerName', displayName: 'Handläggare hos dataskyddsombudet', kind: 'text' },
    { name: 'Deadline', displayName: 'Sista tid för anmälan till IMY', kind: 'dateTime', indexed: true },
    { name: 'NextReminderAt', displayName: 'Nästa påminnelse', kind: 'dateTime', indexed: true, hidden: true },
    { name: 'Lifecycle', displayName: 'Öppen/avslutad', kind: 'choice', choices: LIFECYCLE, indexed: true },
    { name: 'CreatedAt', displayName: 'Rapporterad', kind: 'dateTime' },
    // --- issue 17 (h17hold): the legal hold's reason, empty when none (the Document keeps the hold) ---
    {
      name: 'LegalHold',
      displayName: 'Spärr mot gallring',
      kind: 'choice',
      choices: LEGAL_HOLD_REASONS.map((r) => r.label),
    },
    // Issue 16 (h16): a report linked to a main incident. The id is what the adapter filters on
    // (the reports linked to a main); the number is for people reading the list.
    { name: 'LinkedToId', displayName: 'Länkad till (id)', kind: 'text', indexed: true, hidden: true },
    { name: 'LinkedToNumber', displayName: 'Länkad till huvudincident', kind: 'text' },
    // The whole incident as JSON: the adapter's source of truth; the columns above are for people and queries.
    { name: 'Document', displayName: 'Dokument (JSON)', kind: 'note', hidden: true },
    // A fresh id per write: tells "my own retried write already landed" from a real conflict.
    { name: 'WriteId', displayName: 'Skriv-id', kind: 'text', hidden: true },
  ],
};

export const EVENTS_LIST: ListSpec = {
  key: 'events',
  suffix: 'IncidentEvents',
  description: 'PUI Desk: händelselogg för incidenterna (bara tillägg, inget ändras eller tas bort).',
  columns: [
    { name: 'EventId', displayName: 'Händelse-id', kind: 'text', indexed: true, unique: true, hidden: true },
    { name: 'IncidentId', displayName: 'Incident-id', kind: 'text', indexed: true },
    { name: 'At', displayName: 'Tidpunkt', kind: 'dateTime', indexed: true },
    // SharePoint keeps dateTime to the second; the audit trail keeps the instant as given.
    { name: 'AtExact', displayName: 'Tidpunkt (exakt)', kind: 'text', hidden: true },
    { name: 'EventType', displayName: 'Händelse', kind: 'text' },
    { name: 'ActorId', displayName: 'Utförd av (id)', kind: 'text', hidden: true },
    { name: 'ActorName', displayName: 'Utförd av', kind: 'text' },
    { name: 'Data', displayName: 'Uppgifter (JSON)', kind: 'note' },
  ],
};

export const STATE_LIST: ListSpec = {
  key: 'state',
  suffix: 'AppState',
  description: 'PUI Desk: appens tillstånd (DPO-kanal, påminnelser, nummerserier, utkorg).',
  columns: [
    { name: 'StateKey', displayName: 'Nyckel', kind: 'text', indexed: true, unique: true },
    // One small value per item: the outbox keeps one item per entry, never a growing document (NOTE_MAX).
    { name: 'Value', displayName: 'Värde (JSON)', kind: 'note' },
    { name: 'WriteId', displayName: 'Skriv-id', kind: 'text', hidden: true },
    // When a scheduled item (an outbox entry) falls due: the outbox asks for due items by this index.
    // Empty on every other item, so the index never holds the list's thousands of card references.
    { name: 'DueAt', displayName: 'Förfaller', kind: 'dateTime', indexed: true, hidden: true },
    // SharePoint keeps dateTime to the second; the exact instant, as the outbox gave it.
    { name: 'DueAtExact', displayName: 'Förfaller (exakt)', kind: 'text', hidden: true },
  ],
};

/** Who read what: one item per read, never the content (src/domain/access-log.ts). */
export const ACCESS_LIST: ListSpec = {
  key: 'access',
  suffix: 'AccessLog',
  description:
    'PUI Desk: vem som läst vad (öppnat en incident, exporterat registret, hämtat ett dokument). Aldrig innehållet.',
  columns: [
    { name: 'RecordId', displayName: 'Post-id', kind: 'text', indexed: true, unique: true, hidden: true },
    // The incident read, or ACCESS_EXPORTS for what covers no single incident (a register export).
    { name: 'IncidentId', displayName: 'Incident-id', kind: 'text', indexed: true },
    { name: 'At', displayName: 'Tidpunkt', kind: 'dateTime', indexed: true },
    { name: 'AtExact', displayName: 'Tidpunkt (exakt)', kind: 'text', hidden: true },
    { name: 'ActorId', displayName: 'Läst av (id)', kind: 'text', hidden: true },
    { name: 'ActorName', displayName: 'Läst av', kind: 'text' },
    { name: 'ActorRole', displayName: 'Roll', kind: 'text' },
    { name: 'View', displayName: 'Vy', kind: 'text' },
    { name: 'Target', displayName: 'Export eller dokument', kind: 'text' },
  ],
};

/** `IncidentId` of an access record that names no incident. */
export const ACCESS_EXPORTS = '(export)';

export const LIST_SPECS: readonly ListSpec[] = [INCIDENTS_LIST, EVENTS_LIST, STATE_LIST, ACCESS_LIST];

/** Default prefix of the list names: `PuiIncidents`, `PuiIncidentEvents`, `PuiAppState`, `PuiAccessLog`. */
export const DEFAULT_LIST_PREFIX = 'Pui';

export function listDisplayName(spec: ListSpec, prefix: string): string {
  return `${prefix}${spec.suffix}`;
}

/** Single-line text columns hold at most 255 characters. */
export const TEXT_MAX = 255;

/**
 * A multiple-lines-of-text (plain) column of a list holds at most 63,999 characters; SharePoint
 * refuses a longer value rather than cutting it.
 * @remarks Where the figure comes from: it is the limit widely reported for SharePoint Online's
 * *Multiple lines of text* (e.g. https://lookbook365.com/features/multiple-lines-of-text-column-sharepoint/:
 * "up to 63,999 characters"); Microsoft documents the same figure for Access's *Long Text*
 * (learn.microsoft.com, Access `DataType` property). Microsoft's SharePoint page on limits ("Software boundaries and limits for
 * SharePoint Servers 2016 and 2019", Column limits) gives only how many such columns a list may
 * have (350) and their row size (22 bytes), not a value's length; no Microsoft page stating the
 * SharePoint figure turned up. Graph does not document the error either: see the Graph double.
 */
export const NOTE_MAX = 63_999;

/**
 * The Graph `columnDefinition` that creates a column
 * (https://learn.microsoft.com/graph/api/resources/columndefinition).
 */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const common = {
    name: column.name,
    displayName: column.displayName,
    indexed: Boolean(column.indexed || column.unique),
    enforceUniqueValues: Boolean(column.unique),
    hidden: Boolean(column.hidden),
  };
  switch (column.kind) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: TEXT_MAX } };
    case 'note':
      return {
        ...common,
        text: { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, textType: 'plain' },
      };
    case 'dateTime':
      return { ...common, dateTime: { displayAs: 'default', format: 'dateTime' } };
    case 'choice':
      return {
        ...common,
        choice: { allowTextEntry: false, choices: [...(column.choices ?? [])], displayAs: 'dropDownMenu' },
      };
    case 'boolean':
      return { ...common, boolean: {} };
    case 'number':
      return { ...common, number: { decimalPlaces: 'none', displayAs: 'number' } };
  }
}

/** The kind of an existing Graph column definition, as far as this app cares. */
export function kindOf(definition: Record<string, unknown>): ColumnKind | undefined {
  const text = definition.text as { allowMultipleLines?: boolean } | undefined;
  if (text) return text.allowMultipleLines ? 'note' : 'text';
  if (definition.dateTime) return 'dateTime';
  if (definition.choice) return 'choice';
  if (definition.boolean) return 'boolean';
  if (definition.number) return 'number';
  return undefined;
}
