/**
 * A local stand-in for the Outlook host: supplies `Office.context` with a sample mail
 * open in read mode, so the task pane runs in a plain browser with no Office.js and no network.
 */
import type { MailboxLike } from './mail-item';
import type { OfficeLike } from './office-host';
import { SAMPLE_MAILS, type SampleMail } from './sample-mails';

/** A read-mode mailbox holding the sample mail; the user is its sender (sent mail) or first recipient. */
export function sampleMailbox(sample: SampleMail): MailboxLike {
  const user = sample.kind === 'sent-to-wrong-recipient' ? sample.from : sample.to[0];
  const details = (a: { name: string; address: string }) => ({ displayName: a.name, emailAddress: a.address });
  return {
    userProfile: { emailAddress: user.address, displayName: user.name },
    item: {
      subject: sample.subject,
      from: details(sample.from),
      to: sample.to.map(details),
      cc: sample.cc.map(details),
      dateTimeCreated: new Date(sample.dateTimeCreated),
      internetMessageId: sample.internetMessageId,
      attachments: sample.attachments.map((a) => ({ ...a, isInline: false })),
      body: {
        getAsync(_coercionType, callback) {
          // Office calls back asynchronously; so does the stand-in.
          setTimeout(() => callback({ status: 'succeeded', value: sample.body }), 0);
        },
      },
    },
  };
}

/** The stand-in for `Office`: the sample mail, Swedish display language, and no nested app authentication. */
export function localOffice(index: number): OfficeLike {
  return {
    context: {
      mailbox: sampleMailbox(SAMPLE_MAILS[index] ?? SAMPLE_MAILS[0]),
      displayLanguage: 'sv-SE',
      requirements: { isSetSupported: () => false },
    },
  };
}
