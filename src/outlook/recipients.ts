/**
 * Which addresses are outside the organisation: the organisation's domains come from
 * config, plus the signed-in user's own domain (so a missing setting errs on the safe side).
 */
import type { MailAddress, MailSnapshot } from './mail-item';

/** The domain part of an address, lower-cased; '' when there is none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0
    ? ''
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, '');
}

/** The organisation's domains: the configured ones and the user's own, lower-cased, without duplicates. */
export function organisationDomains(configured: readonly string[], userAddress: string): string[] {
  const own = domainOf(userAddress);
  const all = [...configured.map((d) => d.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '')), own].filter(
    Boolean,
  );
  return [...new Set(all)];
}

/** True when the address's domain is not one of the organisation's domains or a subdomain of one. */
export function isExternalAddress(address: string, domains: readonly string[]): boolean {
  const domain = domainOf(address);
  if (domain === '') return true;
  return !domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** A recipient of the mail, with the field it was in and whether it is outside the organisation. */
export interface RecipientInfo extends MailAddress {
  field: 'to' | 'cc';
  external: boolean;
}

/** The mail's recipients and its sender, each marked internal or external. */
export interface RecipientSummary {
  recipients: RecipientInfo[];
  external: RecipientInfo[];
  /** The distinct domains of the external recipients (shown in the description; addresses are not). */
  externalDomains: string[];
  senderExternal: boolean;
}

/** Marks every To/Cc recipient (and the sender) as internal or external. */
export function summariseRecipients(
  mail: Pick<MailSnapshot, 'to' | 'cc' | 'from'>,
  domains: readonly string[],
): RecipientSummary {
  const recipients: RecipientInfo[] = [
    ...mail.to.map((r) => ({ ...r, field: 'to' as const, external: isExternalAddress(r.address, domains) })),
    ...mail.cc.map((r) => ({ ...r, field: 'cc' as const, external: isExternalAddress(r.address, domains) })),
  ];
  const external = recipients.filter((r) => r.external);
  return {
    recipients,
    external,
    externalDomains: [...new Set(external.map((r) => domainOf(r.address)).filter(Boolean))],
    senderExternal: isExternalAddress(mail.from.address, domains),
  };
}
