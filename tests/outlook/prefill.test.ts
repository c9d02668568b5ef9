import {
  changeCase,
  defaultMailCase,
  draftToRequest,
  formatSize,
  prefillDraft,
  type PrefillSource,
} from '../../src/outlook/prefill';
import { readMailItem } from '../../src/outlook/mail-item';
import { organisationDomains, summariseRecipients } from '../../src/outlook/recipients';
import { scanMail } from '../../src/outlook/scanner';
import { fixtureMails, mockOffice } from './support/mock-mailbox';

const NOW = new Date('2026-11-18T13:05:00Z');

async function sourceFor(index: number, user: string, locale: 'sv' | 'en' = 'sv'): Promise<PrefillSource> {
  const mail = await readMailItem(mockOffice(fixtureMails[index], { user }).context.mailbox!);
  return {
    mail,
    scan: scanMail(mail),
    recipients: summariseRecipients(mail, organisationDomains([], mail.userAddress)),
    now: NOW,
    locale,
  };
}

describe('prefill', () => {
  it('prefills a mail sent to the wrong recipient: confidentiality, human error, occurred = sent, discovered = now', async () => {
    const source = await sourceFor(0, 'anna.handlaggare@kommun.example.se');
    const draft = prefillDraft(source);
    expect(draft).toMatchObject({
      mailCase: 'sent-to-wrong-recipient',
      title: 'Mejl skickat till fel mottagare 2026-11-18',
      occurredAt: '2026-11-18T09:42',
      discoveredAt: '2026-11-18T14:05',
      breachTypes: ['confidentiality'],
      dataCategories: ['identity-numbers', 'health', 'social-services', 'children'],
      affectedCount: '2',
      cause: 'human-error',
      measures: '',
      unit: '',
    });
  });

  it('writes a description of counts, domains and the message id, never the content', async () => {
    const source = await sourceFor(0, 'anna.handlaggare@kommun.example.se');
    const { description } = prefillDraft(source);
    expect(description).toContain('2 mottagare (Till: 1, Kopia: 1), varav 1 utanför organisationen');
    expect(description).toContain('Externa domäner: extern-skola.example.com.');
    expect(description).toContain('1 bilaga (178 kB sammanlagt)');
    expect(description).toContain('2 personnummer, 0 samordningsnummer');
    expect(description).toContain('Meddelande-id: <a1b2c3@kommun.example.se>');
    // No identity numbers, no words of the body, no subject, no addresses, no attachment names.
    expect(description).not.toMatch(/020412|198507|ADHD|BUP|underlag|erik\.skola|utredning\.pdf|Utredning enligt/);
  });

  it('prefills a mail received by mistake, saying the sender is outside the organisation', async () => {
    const source = await sourceFor(1, 'bo.mottagare@kommun.example.se');
    const draft = prefillDraft(source);
    expect(draft.mailCase).toBe('received-by-mistake');
    expect(draft.title).toBe('Mejl mottaget av misstag 2026-11-17');
    expect(draft.description).toContain('Avsändaren finns utanför organisationen.');
    expect(draft.description).toContain('0 personnummer, 1 samordningsnummer');
    expect(draft.description).not.toContain('761163');
    expect(draft.dataCategories).toEqual(['identity-numbers', 'social-services']);
    expect(draft.affectedCount).toBe('1');
  });

  it('prefills nothing sensitive for a mail without personal data', async () => {
    const draft = prefillDraft(await sourceFor(2, 'lisa@kommun.example.se'));
    expect(draft.dataCategories).toEqual([]);
    expect(draft.affectedCount).toBe('');
    expect(draft.description).toContain('Det hade inga bilagor.');
  });

  it('writes the template in English when the pane is in English', async () => {
    const draft = prefillDraft(await sourceFor(0, 'anna.handlaggare@kommun.example.se', 'en'));
    expect(draft.title).toBe('Mail sent to the wrong recipient 2026-11-18');
    expect(draft.description).toContain('It had 2 recipients (To: 1, Cc: 1), 1 of them outside the organisation.');
  });

  it('picks the case from the direction of the mail', () => {
    expect(defaultMailCase({ direction: 'sent' })).toBe('sent-to-wrong-recipient');
    expect(defaultMailCase({ direction: 'received' })).toBe('received-by-mistake');
  });

  it('rewrites title and description on a change of case, unless the user has edited them', async () => {
    const source = await sourceFor(0, 'anna.handlaggare@kommun.example.se');
    const draft = prefillDraft(source);
    const other = changeCase(draft, 'other', source, new Set());
    expect(other.title).toBe('Incident med e-post 2026-11-18');
    expect(other.description.startsWith('Incident som rör ett mejl.')).toBe(true);
    const kept = changeCase({ ...draft, title: 'Min rubrik' }, 'other', source, new Set(['title']));
    expect(kept.title).toBe('Min rubrik');
    expect(kept.description.startsWith('Incident som rör ett mejl.')).toBe(true);
  });

  it('leaves the occurrence empty when the mail claims to be sent in the future', async () => {
    const source = await sourceFor(0, 'anna.handlaggare@kommun.example.se');
    expect(prefillDraft({ ...source, now: new Date('2026-11-01T00:00:00Z') }).occurredAt).toBe('');
  });

  describe('draftToRequest', () => {
    it('builds the API body with UTC times and numbers, leaving empty fields out', async () => {
      const draft = prefillDraft(await sourceFor(0, 'anna.handlaggare@kommun.example.se'));
      const { request, issues } = draftToRequest({ ...draft, unit: '  IFO Barn och unga ' }, 'outlook-abc12345', 'sv');
      expect(issues).toEqual([]);
      expect(request).toEqual({
        reportId: 'outlook-abc12345',
        title: 'Mejl skickat till fel mottagare 2026-11-18',
        description: draft.description,
        discoveredAt: '2026-11-18T13:05:00.000Z',
        occurredAt: '2026-11-18T08:42:00.000Z',
        breachTypes: ['confidentiality'],
        dataCategories: ['identity-numbers', 'health', 'social-services', 'children'],
        affectedCount: 2,
        cause: 'human-error',
        unit: 'IFO Barn och unga',
      });
    });

    it('sends the mail’s Message-ID along, and leaves out one that does not pass rather than refusing the report', async () => {
      const draft = prefillDraft(await sourceFor(0, 'anna.handlaggare@kommun.example.se'));
      const good = draftToRequest(draft, 'outlook-abc12345', 'sv', undefined, '<a1b2c3@kommun.example.se>');
      expect(good.request?.internetMessageId).toBe('<a1b2c3@kommun.example.se>');
      const bad = draftToRequest(draft, 'outlook-abc12345', 'sv', undefined, 'inte ett id');
      expect(bad.issues).toEqual([]);
      expect(bad.request).not.toHaveProperty('internetMessageId');
    });

    it('lists every field to fix before anything is sent', async () => {
      const draft = prefillDraft(await sourceFor(0, 'anna.handlaggare@kommun.example.se'));
      const { request, issues } = draftToRequest(
        { ...draft, title: ' ', description: '', discoveredAt: '', affectedCount: 'många' },
        'outlook-abc12345',
        'sv',
      );
      expect(request).toBeUndefined();
      expect(issues).toEqual([
        { field: 'title', message: 'Skriv en rubrik: en rad om vad som hänt.' },
        { field: 'description', message: 'Beskriv kort vad som hänt.' },
        {
          field: 'discoveredAt',
          message: 'Ange när incidenten upptäcktes: datum och klockslag i svensk tid, som ÅÅÅÅ-MM-DD TT:MM.',
        },
        {
          field: 'affectedCount',
          message:
            'Ange antalet berörda personer som ett heltal från 0 till 100\u00a0000\u00a0000, till exempel 12. Lämna fältet tomt om du inte vet.',
        },
      ]);
    });

    it('rejects a time that is not a real time', async () => {
      const draft = prefillDraft(await sourceFor(0, 'anna.handlaggare@kommun.example.se'));
      expect(draftToRequest({ ...draft, occurredAt: '2026-02-30T10:00' }, 'outlook-abc12345', 'en').issues).toEqual([
        {
          field: 'occurredAt',
          message:
            'The date and time could not be read. Write the date as YYYY-MM-DD and the time as HH:MM (Swedish time), for example 2026-11-20 and 14:30.',
        },
      ]);
    });
  });

  it('formats sizes with a Swedish decimal comma', () => {
    expect(formatSize(500, 'sv')).toBe('500 B');
    expect(formatSize(182344, 'sv')).toBe('178 kB');
    expect(formatSize(1_300_000, 'sv')).toBe('1,2 MB');
    expect(formatSize(1_300_000, 'en')).toBe('1.2 MB');
  });
});
