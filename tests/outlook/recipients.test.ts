import { readMailItem } from '../../src/outlook/mail-item';
import { domainOf, isExternalAddress, organisationDomains, summariseRecipients } from '../../src/outlook/recipients';
import { fixtureMails, mockOffice } from './support/mock-mailbox';

describe('recipients', () => {
  const domains = ['kommun.example.se'];

  it('reads the domain of an address, lower case', () => {
    expect(domainOf('Erik.Skola@Extern-Skola.Example.COM')).toBe('extern-skola.example.com');
    expect(domainOf('no-at-sign')).toBe('');
  });

  it('counts the organisation domain and its subdomains as internal', () => {
    expect(isExternalAddress('anna@kommun.example.se', domains)).toBe(false);
    expect(isExternalAddress('ANNA@KOMMUN.EXAMPLE.SE', domains)).toBe(false);
    expect(isExternalAddress('rektor@skola.kommun.example.se', domains)).toBe(false);
  });

  it('counts look-alike domains as external', () => {
    expect(isExternalAddress('noreply@annan-kommun.example.se', domains)).toBe(true);
    expect(isExternalAddress('x@kommun.example.se.evil.com', domains)).toBe(true);
    expect(isExternalAddress('x@example.se', domains)).toBe(true);
    expect(isExternalAddress('not-an-address', domains)).toBe(true);
  });

  it("adds the user's own domain to the configured ones, so an empty setting still tells outsiders apart", () => {
    expect(organisationDomains([], 'anna@kommun.example.se')).toEqual(['kommun.example.se']);
    expect(organisationDomains([' @Skola.Example.se ', 'kommun.example.se'], 'anna@kommun.example.se')).toEqual([
      'skola.example.se',
      'kommun.example.se',
    ]);
  });

  it('marks the external recipient of the sent sample mail and keeps the internal Cc internal', async () => {
    const office = mockOffice(fixtureMails[0], { user: 'anna.handlaggare@kommun.example.se' });
    const mail = await readMailItem(office.context.mailbox!);
    const summary = summariseRecipients(mail, organisationDomains([], mail.userAddress));
    expect(summary.recipients.map((r) => [r.field, r.address, r.external])).toEqual([
      ['to', 'erik.skola@extern-skola.example.com', true],
      ['cc', 'enhetschef@kommun.example.se', false],
    ]);
    expect(summary.external).toHaveLength(1);
    expect(summary.externalDomains).toEqual(['extern-skola.example.com']);
    expect(summary.senderExternal).toBe(false);
  });

  it('marks the sender of the mail received by mistake as external and the recipient as internal', async () => {
    const office = mockOffice(fixtureMails[1], { user: 'bo.mottagare@kommun.example.se' });
    const mail = await readMailItem(office.context.mailbox!);
    const summary = summariseRecipients(mail, organisationDomains(['kommun.example.se'], mail.userAddress));
    expect(summary.external).toEqual([]);
    expect(summary.senderExternal).toBe(true);
  });

  it('lists each external domain once', () => {
    const summary = summariseRecipients(
      {
        from: { name: '', address: 'a@kommun.example.se' },
        to: [
          { name: '', address: 'x@gmail.example' },
          { name: '', address: 'y@gmail.example' },
        ],
        cc: [{ name: '', address: 'z@other.example' }],
      },
      domains,
    );
    expect(summary.externalDomains).toEqual(['gmail.example', 'other.example']);
    expect(summary.external).toHaveLength(3);
  });
});
