/** What the bot can do, in the personal chat and in a channel. */
import { card, execute, heading, text, type AdaptiveCard } from './adaptive-card';

/** Help in the personal chat (`hjälp` / `help`) and the welcome. */
export function helpCard(): AdaptiveCard {
  return card(
    [
      heading('PUI Desk: anmäl personuppgiftsincidenter'),
      text(
        'Har personuppgifter hamnat fel, kommit bort eller ändrats av misstag? Till exempel ett mejl till fel mottagare, ' +
          'ett brev till en gammal adress eller en utskrift på fel skrivare. Anmäl det direkt, även om du är osäker: ' +
          'dataskyddsombudet har 72 timmar på sig att anmäla till IMY.',
      ),
      {
        type: 'FactSet',
        facts: [
          { title: 'anmäl (report)', value: 'Öppnar formuläret för en ny anmälan.' },
          { title: 'mina (my)', value: 'Visar dina anmälningar och hur det går med dem.' },
          { title: 'hjälp (help)', value: 'Visar den här hjälpen.' },
        ],
      },
      text('Du kan också anmäla direkt från ett meddelande: välj **…** på meddelandet och sedan **Anmäl som personuppgiftsincident**.', { isSubtle: true }),
    ],
    { actions: [execute('Anmäl en incident', { verb: 'report.start' }), execute('Mina anmälningar', { verb: 'my.list' })], fallbackText: 'Skriv anmäl för att anmäla en personuppgiftsincident.' },
  );
}

/** Help in a team channel, where the bot only sets up the DPO channel. */
export function channelHelpCard(): AdaptiveCard {
  return card([
    heading('PUI Desk i en kanal'),
    text('Skriv **@PUI Desk ställ in dpo-kanal** i den kanal där dataskyddsombudet ska få nya incidenter. Bara dataskyddsombud kan göra det.'),
    text('Incidenter anmäls i den personliga chatten med PUI Desk, så att uppgifterna inte syns för alla i kanalen.', { isSubtle: true }),
  ]);
}
