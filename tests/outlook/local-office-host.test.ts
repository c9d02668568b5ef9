import { localOffice } from '../../src/outlook/local-office-host';
import { readMailItem } from '../../src/outlook/mail-item';
import { SAMPLE_MAILS } from '../../src/outlook/sample-mails';
import { fixtureMails } from './support/mock-mailbox';

describe('local-office-host', () => {
  it('carries the same sample mails as the shared fixtures', () => {
    expect(SAMPLE_MAILS).toEqual(fixtureMails);
  });

  it('opens the sent sample as a mail the user sent', async () => {
    const mail = await readMailItem(localOffice(0).context.mailbox!);
    expect(mail.direction).toBe('sent');
    expect(mail.userAddress).toBe('anna.handlaggare@kommun.example.se');
    expect(mail.body).toBe(fixtureMails[0].body);
    expect(mail.attachments).toEqual(fixtureMails[0].attachments);
  });

  it('opens the other samples as mails the user received', async () => {
    for (const i of [1, 2]) {
      const mail = await readMailItem(localOffice(i).context.mailbox!);
      expect(mail.direction).toBe('received');
      expect(mail.userAddress).toBe(fixtureMails[i].to[0].address);
    }
  });

  it('falls back to the first sample for an unknown index, in Swedish, without nested app authentication', async () => {
    const office = localOffice(7);
    expect((await readMailItem(office.context.mailbox!)).subject).toBe(fixtureMails[0].subject);
    expect(office.context.displayLanguage).toBe('sv-SE');
    expect(office.context.requirements!.isSetSupported('NestedAppAuth', '1.1')).toBe(false);
  });
});
