/**
 * Office.js mocks for the task pane's tests, built with office-addin-mock (host 'outlook'):
 * a read-mode mail open in a mailbox, from the shared sample mails or from parts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeLike } from '../../../src/outlook/office-host';

/** A mail as the shared fixtures describe it. */
export interface FixtureMail {
  kind: string;
  subject: string;
  from: { name: string; address: string };
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  dateTimeCreated: string;
  internetMessageId: string;
  attachments: { name: string; size: number; contentType: string }[];
  body: string;
}

/** The sample mails (tests/fixtures/sample-mails.json, copied from the shared fixtures). */
export const fixtureMails: FixtureMail[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'sample-mails.json'), 'utf8'),
);

/** Options for {@link mockOffice}. */
export interface MockOfficeOptions {
  /** The signed-in user's address. */
  user: string;
  /** Make body.getAsync fail. */
  bodyFails?: boolean;
  /** Compose mode: recipients are objects with getAsync, not arrays. */
  compose?: boolean;
  /** No item open. */
  noItem?: boolean;
  /** What `isSetSupported('NestedAppAuth', '1.1')` answers. */
  naa?: boolean;
  displayLanguage?: string;
}

/** An `Office` mock with the mail open in read mode, as Office.js would expose it. */
export function mockOffice(
  mail: FixtureMail,
  options: MockOfficeOptions,
): OfficeLike & { context: { mailbox: { item: Record<string, unknown> } } } {
  const details = (a: { name: string; address: string }) => ({ displayName: a.name, emailAddress: a.address });
  const recipients = (list: { name: string; address: string }[]) =>
    options.compose
      ? { getAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: list.map(details) }) }
      : list.map(details);
  const item = {
    itemType: 'message',
    subject: mail.subject,
    from: details(mail.from),
    to: recipients(mail.to),
    cc: recipients(mail.cc),
    dateTimeCreated: new Date(mail.dateTimeCreated),
    internetMessageId: mail.internetMessageId,
    attachments: mail.attachments.map((a, i) => ({ id: `att-${i}`, attachmentType: 'file', isInline: false, ...a })),
    body: {
      getAsync(
        coercionType: string,
        callback: (result: { status: string; value: string; error?: { message: string } }) => void,
      ) {
        if (options.bodyFails || coercionType !== 'text')
          callback({ status: 'failed', value: '', error: { message: 'Body not available' } });
        else callback({ status: 'succeeded', value: mail.body });
      },
    },
  };
  const data = {
    host: 'outlook',
    context: {
      displayLanguage: options.displayLanguage ?? 'sv-SE',
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          Boolean(options.naa) && name === 'NestedAppAuth' && version === '1.1',
      },
      mailbox: {
        userProfile: { emailAddress: options.user, displayName: 'Användare' },
        ...(options.noItem ? {} : { item }),
      },
    },
  };
  return new OfficeMockObject(data) as unknown as OfficeLike & {
    context: { mailbox: { item: Record<string, unknown> } };
  };
}
