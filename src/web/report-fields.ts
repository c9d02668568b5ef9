/**
 * The report form's fields as the tab and the Outlook task pane both hold them: text as typed,
 * times as Stockholm wall-clock `YYYY-MM-DDTHH:mm` (what a datetime-local input holds).
 */
import type { CauseId } from '../domain/causes';
import type { BreachType, DataCategory } from '../domain/vocabulary';

export interface ReportFields {
  title: string;
  description: string;
  discoveredAt: string;
  occurredAt: string;
  breachTypes: BreachType[];
  dataCategories: DataCategory[];
  affectedCount: string;
  cause: CauseId | '';
  measures: string;
  unit: string;
}
