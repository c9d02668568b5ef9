/** What the bot can do, in the personal chat and in a channel. */
import { TERMS } from '../../src/domain';
import { card, execute, heading, text, type AdaptiveCard } from './adaptive-card';

/** Help in the personal chat (`hjälp` / `help`) and the welcome. */
export function helpCard(): AdaptiveCard {
  return card(
    [
      heading('PUI Desk: rapportera personuppgiftsincidenter'),
      text(
        'Har personuppgifter hamnat fel, kommit bort eller ändrats av misstag? Till exempel ett mejl till fel mottagare, ' +
          'ett brev till en gammal adress eller en utskrift på fel skrivare. Rapportera det direkt, även om du är osäker: ' +
          'dataskyddsombudet har 72 timmar på sig att anmäla till IMY.',
      ),
      {
        type: 'FactSet',
        facts: [
          { title: 'rapportera (report)', value: 'Öppnar formuläret för en ny rapport.' },
          { title: 'mina (my)', value: 'Visar dina rapporter och hur det går med dem.' },
          { title: 'hjälp (help)', value: 'Visar den här hjälpen.' },
        ],
      },
      text(
        'Du kan också rapportera direkt från ett meddelande: välj **…** på meddelandet och sedan **Rapportera som incident**.',
        { isSubtle: true },
      ),
    ],
    {
      actions: [
        execute(TERMS.sv.reportIncident, { verb: 'report.start' }),
        execute(TERMS.sv.myReports, { verb: 'my.list' }),
      ],
      fallbackText: 'Skriv rapportera för att rapportera en personuppgiftsincident.',
    },
  );
}

/** Help in a team channel, where the bot only sets up the DPO channel. */
export function channelHelpCard(): AdaptiveCard {
  return card([
    heading('PUI Desk i en kanal'),
    text(
      'Skriv **@PUI Desk ställ in dpo-kanal** i den kanal där dataskyddsombudet ska få nya incidenter. Bara dataskyddsombud kan göra det.',
    ),
    text(
      'Incidenter rapporteras i den personliga chatten med PUI Desk, så att uppgifterna inte syns för alla i kanalen.',
      { isSubtle: true },
    ),
  ]);
}
