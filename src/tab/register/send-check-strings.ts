/** The words of the register page's section on the check on Send (Smart Alerts in Outlook). */
import type { Localized } from '../i18n';

const sv = {
  heading: 'Varning vid Skicka',
  intro:
    'Hur ofta Outlook varnade innan ett mejl med personnummer eller känsliga uppgifter gick till en mottagare utanför organisationen, per månad. Bara antal – inga namn, adresser eller innehåll.',
  caption: 'Varningar de senaste tolv månaderna',
  month: 'Månad',
  fired: 'Varnade mejl',
  changed: 'Ändrade efter varningen',
  sentAnywayAtLeast: 'Skickade ändå (minst)',
  sentAnyway: 'Skickade ändå (högst)',
  firedMeans:
    'Varnade mejl: mejl som varningen visades på. Ett mejl räknas en gång, även om användaren trycker Skicka flera gånger.',
  changedMeans:
    'Ändrade efter varningen: varnade mejl som rättades (Ändra) och sedan skickades utan ny varning. De räknas i månaden för varningen.',
  sentAnywayAtLeastMeans:
    'Skickade ändå (minst): skickade mejl med varningens markering som någon öppnade PUI Desk i Outlook på – de gick säkert iväg med Skicka ändå. Ett mejl räknas en gång.',
  sentAnywayMeans:
    'Skickade ändå (högst): varnade mejl som inte ändrades. Outlook talar inte om att användaren valde Skicka ändå, så siffran är ett tak – den rymmer också mejl som slängdes eller ligger kvar som utkast.',
  lowerBound:
    'Varnade och ändrade mejl är minsta antal: Outlook på mobilen har ingen kontroll, och en räkning som inte når servern (ingen inloggning eller uppkoppling när mejlet skickas) går förlorad.',
  none: 'Varningen har inte visats under perioden.',
};

const en: typeof sv = {
  heading: 'Alert on Send',
  intro:
    'How often Outlook alerted before a mail with identity numbers or sensitive data went to a recipient outside the organisation, by month. Numbers only – no names, addresses or content.',
  caption: 'Alerts in the last twelve months',
  month: 'Month',
  fired: 'Mails alerted on',
  changed: 'Changed after the alert',
  sentAnywayAtLeast: 'Sent anyway (at least)',
  sentAnyway: 'Sent anyway (at most)',
  firedMeans:
    'Mails alerted on: mails the alert was shown on. A mail counts once, even if the user presses Send several times.',
  changedMeans:
    'Changed after the alert: alerted mails that were corrected (Change) and then sent without a new alert. They count in the month of the alert.',
  sentAnywayAtLeastMeans:
    'Sent anyway (at least): sent mails with the alert’s marker that someone opened PUI Desk in Outlook on – they certainly went out with Send anyway. A mail counts once.',
  sentAnywayMeans:
    'Sent anyway (at most): alerted mails that were not changed. Outlook does not tell the add-in that the user chose Send anyway, so this is a ceiling – it also holds mails that were discarded or left as drafts.',
  lowerBound:
    'Mails alerted on and changed are lower bounds: Outlook on mobile has no check, and a count that does not reach the server (no sign-in or no connection when the mail is sent) is lost.',
  none: 'The alert was not shown in the period.',
};

export const sendCheckStrings: Localized<typeof sv> = { sv, en };
