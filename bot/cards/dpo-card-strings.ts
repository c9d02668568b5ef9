/**
 * The words of the DPO channel, in Swedish and English: the incident card and its forms, the
 * reminder in its thread and the digest. A channel has many readers, so its language is the
 * organisation's choice (`CHANNEL_LANGUAGE`, default Swedish), not one reader's client. The
 * vocabularies' labels (status, risk, sources, breach types, data categories) come from
 * src/domain, never from here.
 */
import { formatNumber, type Localized, type SameReason } from '../../src/domain';

const sv = {
  incident: (number: string) => `Personuppgiftsincident ${number}`,
  updated: (at: string) => `Uppdaterad ${at}`,
  facts: {
    source: 'Källa',
    type: 'Typ',
    data: 'Uppgifter',
    affected: 'Berörda',
    discovered: 'Upptäckt',
    deadline: 'Tidsfrist IMY',
    owner: 'Ansvarig',
    status: 'Status',
    risk: 'Riskbedömning',
    imyReference: 'IMY:s diarienummer',
    supplement: 'Komplettering till IMY',
  },
  noOwner: 'Ingen ännu',
  notGivenType: 'Inte angiven',
  notGiven: 'Inte angivet',
  notAssessed: 'Inte bedömd',
  affectedCount: (n: number) => `ca ${formatNumber(n, 'sv')} ${n === 1 ? 'person' : 'personer'}`,
  /** The 72-hour clock in words when it does not run (labels.ts `clockText`). */
  clock: {
    closed: 'Avslutad',
    notified: (at: string) => `Klockan stoppad: anmäld till IMY${at}`,
    notRequired: 'Klockan stoppad: anmälan krävs inte',
    follows: (number: string) => `Klockan följer ${number}`,
  },
  supplementSent: (at: string) => `Skickad ${at}`,
  supplementDue: (at: string, left: string) => `Återstår: senast ${at} (${left})`,
  actions: {
    take: 'Ta ärendet',
    assess: 'Bedöm risken',
    saveAssessment: 'Spara bedömningen',
    imy: 'Registrera IMY-anmälan',
    saveImy: 'Spara anmälan',
    open: 'Öppna i fliken',
    refresh: 'Uppdatera',
    board: 'Öppna på tavlan',
  },
  assess: {
    risk: 'Risk för de registrerades fri- och rättigheter',
    riskError: 'Välj en riskbedömning.',
    rationale: 'Motivering',
    rationaleError: 'Skriv en motivering.',
    rationalePlaceholder: 'Varför denna bedömning? Skriv inga namn eller personnummer.',
  },
  imy: {
    date: 'Anmäld till IMY: datum (ÅÅÅÅ-MM-DD)',
    dateError: 'Skriv datumet för anmälan som ÅÅÅÅ-MM-DD, till exempel 2026-11-20.',
    datePlaceholder: 'ÅÅÅÅ-MM-DD',
    time: 'Klockslag (TT:MM, svensk tid)',
    timeError: 'Skriv klockslaget för anmälan som TT:MM, till exempel 14:30.',
    timePlaceholder: 'TT:MM',
    reference: 'IMY:s diarienummer (om ni har fått det)',
    phased: 'Anmälan lämnas i etapper (komplettering följer)',
    delayLate: 'Skäl till förseningen (krävs: mer än 72 timmar har gått)',
    delay: 'Skäl till förseningen (bara om anmälan gjordes efter 72 timmar)',
  },
  reminder: {
    heading: (number: string) => `Påminnelse: ${number}`,
    fallback: (number: string, what: string) => `Påminnelse ${number}: ${what}`,
    supplementRecorded: (number: string) =>
      `Anmälan av ${number} till IMY gjordes i etapper; kompletteringen är registrerad.`,
    supplementDue: (number: string, at: string, left: string) =>
      `Anmälan av ${number} till IMY gjordes i etapper. Kompletteringen ska vara hos IMY senast ${at} (${left}).`,
    overdue: (number: string, at: string, late: string) =>
      `Tidsfristen för att anmäla ${number} till IMY gick ut ${at} (${late}). Anmäl utan dröjsmål om anmälan krävs, och ange skälen till förseningen.`,
    left: (left: string, number: string, at: string) =>
      `${left} till tidsfristen för att anmäla ${number} till IMY (${at}), om anmälan krävs.`,
    nobodyTookMentioned: (who: string) => `${who}: ingen har tagit ärendet ännu.`,
    nobodyTook: 'Ingen har tagit ärendet ännu: ta det i kortet ovan.',
    youOwn: (who: string) => `${who}, du är ansvarig för ärendet.`,
    owner: (name: string) => `Ansvarig: ${name}.`,
    catchUp: 'PUI Desk kunde inte påminna i tid; så här ser det ut nu.',
    dpo: 'Dataskyddsombud',
  },
  digest: {
    heading: (count: number, at: string) =>
      count === 1 ? `1 ny incident sedan ${at}` : `${formatNumber(count, 'sv')} nya incidenter sedan ${at}`,
    ownCards: 'Varje incident får också sitt eget kort i kanalen, med knapparna, så snart Teams släpper fram det.',
    possiblySame: (number: string, reason: string) => `möjligen samma händelse som ${number} (${reason})`,
    /** Why a line is possibly the same event as an earlier one. */
    sameReasons: {
      'source-message': 'samma meddelande i Teams',
      mail: 'samma mejl',
      title: 'liknande rubrik',
    } satisfies Record<SameReason, string>,
  },
};

/** The DPO channel's words in one language. */
export type DpoCardStrings = typeof sv;

const en: DpoCardStrings = {
  incident: (number: string) => `Personal data breach ${number}`,
  updated: (at: string) => `Updated ${at}`,
  facts: {
    source: 'Source',
    type: 'Type',
    data: 'Data',
    affected: 'Affected',
    discovered: 'Discovered',
    deadline: 'IMY deadline',
    owner: 'Owner',
    status: 'Status',
    risk: 'Risk assessment',
    imyReference: 'IMY reference',
    supplement: 'Supplement to IMY',
  },
  noOwner: 'Nobody yet',
  notGivenType: 'Not given',
  notGiven: 'Not given',
  notAssessed: 'Not assessed',
  affectedCount: (n: number) => `about ${formatNumber(n, 'en')} ${n === 1 ? 'person' : 'people'}`,
  clock: {
    closed: 'Closed',
    notified: (at: string) => `Clock stopped: notified to IMY${at}`,
    notRequired: 'Clock stopped: no notice required',
    follows: (number: string) => `The clock follows ${number}`,
  },
  supplementSent: (at: string) => `Sent ${at}`,
  supplementDue: (at: string, left: string) => `Due: by ${at} (${left})`,
  actions: {
    take: 'Take the case',
    assess: 'Assess the risk',
    saveAssessment: 'Save the assessment',
    imy: 'Record the IMY notice',
    saveImy: 'Save the notice',
    open: 'Open in the tab',
    refresh: 'Refresh',
    board: 'Open on the board',
  },
  assess: {
    risk: 'Risk to the rights and freedoms of the data subjects',
    riskError: 'Choose a risk assessment.',
    rationale: 'Rationale',
    rationaleError: 'Write a rationale.',
    rationalePlaceholder: 'Why this assessment? Write no names or identity numbers.',
  },
  imy: {
    date: 'Notified to IMY: date (YYYY-MM-DD)',
    dateError: 'Write the date of the notice as YYYY-MM-DD, for example 2026-11-20.',
    datePlaceholder: 'YYYY-MM-DD',
    time: 'Time (HH:MM, Swedish time)',
    timeError: 'Write the time of the notice as HH:MM, for example 14:30.',
    timePlaceholder: 'HH:MM',
    reference: 'IMY reference (if you have received it)',
    phased: 'The notice is given in phases (a supplement follows)',
    delayLate: 'Reasons for the delay (required: more than 72 hours have passed)',
    delay: 'Reasons for the delay (only if the notice was given after 72 hours)',
  },
  reminder: {
    heading: (number: string) => `Reminder: ${number}`,
    fallback: (number: string, what: string) => `Reminder ${number}: ${what}`,
    supplementRecorded: (number: string) =>
      `The notice of ${number} to IMY was given in phases; the supplement is recorded.`,
    supplementDue: (number: string, at: string, left: string) =>
      `The notice of ${number} to IMY was given in phases. The supplement is due at IMY by ${at} (${left}).`,
    overdue: (number: string, at: string, late: string) =>
      `The deadline for notifying IMY of ${number} passed at ${at} (${late}). Notify without undue delay if a notice is required, and give the reasons for the delay.`,
    left: (left: string, number: string, at: string) =>
      `${left} until the deadline for notifying IMY of ${number} (${at}), if a notice is required.`,
    nobodyTookMentioned: (who: string) => `${who}: nobody has taken the case yet.`,
    nobodyTook: 'Nobody has taken the case yet: take it on the card above.',
    youOwn: (who: string) => `${who}, you own the case.`,
    owner: (name: string) => `Owner: ${name}.`,
    catchUp: 'PUI Desk could not remind you in time; this is how it stands now.',
    dpo: 'Data protection officer',
  },
  digest: {
    heading: (count: number, at: string) =>
      count === 1 ? `1 new incident since ${at}` : `${formatNumber(count, 'en')} new incidents since ${at}`,
    ownCards:
      'Each incident also gets its own card in the channel, with the buttons, as soon as Teams lets it through.',
    possiblySame: (number: string, reason: string) => `possibly the same event as ${number} (${reason})`,
    sameReasons: { 'source-message': 'the same Teams message', mail: 'the same e-mail', title: 'a similar title' },
  },
};

/** The DPO channel's words in both languages. */
export const DPO_CARD_STRINGS: Localized<DpoCardStrings> = { sv, en };
