/** What the law asks of the controller once the risk is assessed. */
import type { RiskLevel } from './vocabulary';

export interface Duties {
  /** Art. 33: notify IMY within 72 h. */
  notifyAuthority: boolean;
  /** Art. 34: inform the data subjects without undue delay. */
  informDataSubjects: boolean;
}

/** Duties that follow from a risk level: IMY for risk or high, the data subjects for high. */
export function dutiesFor(risk: RiskLevel): Duties {
  return { notifyAuthority: risk !== 'unlikely', informDataSubjects: risk === 'high' };
}
