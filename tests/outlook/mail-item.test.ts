import { MailReadError, readMailItem } from '../../src/outlook/mail-item';
import { fixtureMails, mockOffice } from './support/mock-mailbox';

const [sentMail, receivedMail] = fixtureMails;

describe('readMailItem', () => {
  it('reads a sent mail: headers, recipients, sent time, attachments, message id and body', async () => {
    const office = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se' });
    const mail = await readMailItem(office.context.mailbox!);
    expect(mail).toEqual({
      subject: 'Utredning enligt 11 kap 1 § SoL – underlag',
      from: { name: 'Anna Handläggare', address: 'anna.handlaggare@kommun.example.se' },
      to: [{ name: 'Erik Skola', address: 'erik.skola@extern-skola.example.com' }],
      cc: [{ name: 'Enhetschef', address: 'enhetschef@kommun.example.se' }],
      sentAt: '2026-11-18T08:42:00.000Z',
      internetMessageId: '<a1b2c3@kommun.example.se>',
      attachments: [{ name: 'utredning.pdf', size: 182344, contentType: 'application/pdf' }],
      body: sentMail.body,
      userAddress: 'anna.handlaggare@kommun.example.se',
      direction: 'sent',
    });
  });

  it('reads a received mail and tells it from a sent one by comparing the sender with the user', async () => {
    const office = mockOffice(receivedMail, { user: 'Bo.Mottagare@kommun.example.se' });
    const mail = await readMailItem(office.context.mailbox!);
    expect(mail.direction).toBe('received');
    expect(mail.from.address).toBe('noreply@annan-kommun.example.se');
    expect(mail.to).toEqual([{ name: 'Bo Mottagare', address: 'bo.mottagare@kommun.example.se' }]);
    expect(mail.cc).toEqual([]);
    expect(mail.attachments).toEqual([]);
    expect(mail.sentAt).toBe('2026-11-17T14:05:00.000Z');
    expect(mail.body).toContain('761163-1123');
  });

  it('treats the sender address case-insensitively when deciding the mail was sent by the user', async () => {
    const office = mockOffice(sentMail, { user: 'ANNA.HANDLAGGARE@KOMMUN.EXAMPLE.SE' });
    expect((await readMailItem(office.context.mailbox!)).direction).toBe('sent');
  });

  it('leaves out inline attachments (signature images), keeping file attachments', async () => {
    const office = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se' });
    const item = office.context.mailbox.item as { attachments: unknown[] };
    item.attachments = [
      ...item.attachments,
      { name: 'logo.png', size: 2000, contentType: 'image/png', isInline: true },
    ];
    expect((await readMailItem(office.context.mailbox!)).attachments.map((a) => a.name)).toEqual(['utredning.pdf']);
  });

  it('still reads the headers when the host will not give the body', async () => {
    const office = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se', bodyFails: true });
    const mail = await readMailItem(office.context.mailbox!);
    expect(mail.body).toBe('');
    expect(mail.bodyUnavailable).toBe(true);
    expect(mail.subject).toBe(sentMail.subject);
  });

  it("says a sent mail went out with Skicka ändå when it carries the check on Send's marker, and not otherwise", async () => {
    const marked = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se' });
    const props = (value?: string) => (cb: (r: unknown) => void) =>
      cb({
        status: 'succeeded',
        value: { get: (name: string) => (name === 'puiSendCheckAlerted' ? value : undefined) },
      });
    (marked.context.mailbox.item as Record<string, unknown>).loadCustomPropertiesAsync = props('2026-12');
    expect((await readMailItem(marked.context.mailbox!)).sentAnyway).toBe(true);
    const unmarked = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se' });
    (unmarked.context.mailbox.item as Record<string, unknown>).loadCustomPropertiesAsync = props(undefined);
    expect((await readMailItem(unmarked.context.mailbox!)).sentAnyway).toBeUndefined();
    // A received mail never counts as sent anyway, whatever it carries.
    const received = mockOffice(sentMail, { user: 'someone.else@kommun.example.se' });
    (received.context.mailbox.item as Record<string, unknown>).loadCustomPropertiesAsync = props('2026-12');
    expect((await readMailItem(received.context.mailbox!)).sentAnyway).toBeUndefined();
  });

  it('refuses a mail being written (compose mode)', async () => {
    const office = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se', compose: true });
    await expect(readMailItem(office.context.mailbox!)).rejects.toEqual(
      expect.objectContaining({ name: 'MailReadError', code: 'compose-mode' }),
    );
  });

  it('refuses when no mail is open', async () => {
    const office = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se', noItem: true });
    const error = await readMailItem(office.context.mailbox!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailReadError);
    expect((error as MailReadError).code).toBe('no-item');
  });
});
