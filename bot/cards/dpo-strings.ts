/**
 * What the bot says to a DPO who acts on a channel card, in Swedish and English. Notices on the
 * card speak the card's language (the DPO channel card is Swedish); a bare message to the one who
 * acted speaks their Teams client's.
 */
import type { Localized } from '../../src/domain';

const sv = {
  taken: 'Du är nu ansvarig för incidenten.',
  assessed: 'Bedömningen är sparad.',
  imyUnreadable:
    'Datum och klockslag för anmälan till IMY kunde inte läsas. Skriv datumet som ÅÅÅÅ-MM-DD och klockslaget som TT:MM (svensk tid), till exempel 2026-11-20 och 14:30.',
  phasedUnreadable: 'Valet om anmälan i etapper kunde inte läsas. Försök igen.',
  imyPhased:
    'Anmälan till IMY är registrerad i etapper. Klockan är stoppad; kompletteringen ska vara hos IMY inom fyra veckor.',
  imyRecorded: 'Anmälan till IMY är registrerad. Klockan är stoppad.',
  conflict:
    'Någon annan hann ändra incidenten före dig. Kortet visar nu hur det ser ut; gör ändringen igen om den behövs.',
  notSaved: (issues: string) => `Inte sparat: ${issues}`,
  refreshDpoOnly: 'Kortet uppdateras bara för dataskyddsombudet.',
};

/** The DPO action words in one language. */
export type DpoStrings = typeof sv;

const en: DpoStrings = {
  taken: 'You now own the incident.',
  assessed: 'The assessment is saved.',
  imyUnreadable:
    'The date and time of the notice to IMY could not be read. Write the date as YYYY-MM-DD and the time as HH:MM (Swedish time), for example 2026-11-20 and 14:30.',
  phasedUnreadable: 'The choice of a notice in phases could not be read. Try again.',
  imyPhased:
    'The notice to IMY is recorded as given in phases. The clock is stopped; the supplement is due at IMY within four weeks.',
  imyRecorded: 'The notice to IMY is recorded. The clock is stopped.',
  conflict:
    'Someone else changed the incident before you. The card now shows it as it is; make the change again if it is still needed.',
  notSaved: (issues: string) => `Not saved: ${issues}`,
  refreshDpoOnly: 'The card is refreshed only for the data protection officer.',
};

/** The DPO action words in both languages. */
export const DPO_STRINGS: Localized<DpoStrings> = { sv, en };
