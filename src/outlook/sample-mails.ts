/**
 * The sample mails the local stand-in for Outlook shows (the same invented mails as the
 * shared fixtures: a mail sent to the wrong external recipient, one received by mistake,
 * and one without personal data).
 */

/** A mail as the fixtures describe it. */
export interface SampleMail {
  kind: 'sent-to-wrong-recipient' | 'received-by-mistake' | 'no-personal-data';
  subject: string;
  from: { name: string; address: string };
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  dateTimeCreated: string;
  internetMessageId: string;
  attachments: { name: string; size: number; contentType: string }[];
  body: string;
}

/** The three sample mails, in the fixtures' order (`?sample=0|1|2`). */
export const SAMPLE_MAILS: readonly SampleMail[] = [
  {
    kind: 'sent-to-wrong-recipient',
    subject: 'Utredning enligt 11 kap 1 § SoL – underlag',
    from: { name: 'Anna Handläggare', address: 'anna.handlaggare@kommun.example.se' },
    to: [{ name: 'Erik Skola', address: 'erik.skola@extern-skola.example.com' }],
    cc: [{ name: 'Enhetschef', address: 'enhetschef@kommun.example.se' }],
    dateTimeCreated: '2026-11-18T09:42:00+01:00',
    internetMessageId: '<a1b2c3@kommun.example.se>',
    attachments: [{ name: 'utredning.pdf', size: 182344, contentType: 'application/pdf' }],
    body: 'Hej,\n\nHär kommer underlaget om barnet 020412-5645 som vi pratade om. Vårdnadshavaren har pnr 198507092388. Barnet har diagnos ADHD enligt BUP.\n\nMvh Anna\nTel 0480-45 00 00',
  },
  {
    kind: 'received-by-mistake',
    subject: 'Fwd: beslut försörjningsstöd',
    from: { name: 'Okänd avsändare', address: 'noreply@annan-kommun.example.se' },
    to: [{ name: 'Bo Mottagare', address: 'bo.mottagare@kommun.example.se' }],
    cc: [],
    dateTimeCreated: '2026-11-17T15:05:00+01:00',
    internetMessageId: '<x9y8@annan-kommun.example.se>',
    attachments: [],
    body: 'Beslut om försörjningsstöd för 761163-1123. Ärendet avser missbruk och skuld hos Kronofogden. Mötet är 2026-11-20 kl 10.00, ring 070-123 45 67.',
  },
  {
    kind: 'no-personal-data',
    subject: 'Lunchmöte',
    from: { name: 'Kalle', address: 'kalle@kommun.example.se' },
    to: [{ name: 'Lisa', address: 'lisa@kommun.example.se' }],
    cc: [],
    dateTimeCreated: '2026-11-16T11:00:00+01:00',
    internetMessageId: '<l1@kommun.example.se>',
    attachments: [],
    body: 'Ses vi 12.00? Ordernummer 20261116-1200 och telefon 0480-123456 är inte personnummer.',
  },
];
