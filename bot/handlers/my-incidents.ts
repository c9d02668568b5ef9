/** `mina` / `my`: the caller's own reports. */
import type { Caller, Locale } from '../../src/domain';
import { listMyIncidents } from '../../src/use-cases';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { myIncidentsCard } from '../cards/my-incidents-card';
import type { BotServices } from '../services';

const SHOWN = 10;

export async function myIncidents(s: BotServices, caller: Caller, locale: Locale = 'sv'): Promise<AdaptiveCard> {
  const page = await listMyIncidents(s.deps, caller, { limit: SHOWN });
  return myIncidentsCard(page.items, s.deps.clock.now(), { more: Boolean(page.next), locale });
}
