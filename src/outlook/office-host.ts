/**
 * The Office host: loads Office.js from Microsoft's CDN only when the page runs inside
 * Outlook (the manifest's URL carries `?host=outlook`); never at local time.
 */
import type { RequirementsLike } from '../web/sign-in';
import type { MailboxLike } from './mail-item';

/** The part of the `Office` global the pane reads (the real one, or the local stand-in). */
export interface OfficeLike {
  context: {
    mailbox?: MailboxLike;
    displayLanguage?: string;
    requirements?: RequirementsLike;
  };
}

/** Office.js on Microsoft's CDN, as add-ins must load it. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** True when the page was opened by Outlook (the manifest's task pane URL ends in `?host=outlook`). */
export function hostedInOutlook(search: string): boolean {
  return new URLSearchParams(search).get('host') === 'outlook';
}

interface OfficeGlobal extends OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
}

/** Adds the Office.js script tag, waits for it and for `Office.onReady`, and returns `Office`. */
export async function loadOfficeJs(doc: Document = document, url: string = OFFICE_JS_URL): Promise<OfficeLike> {
  const existing = (globalThis as { Office?: OfficeGlobal }).Office;
  if (!existing) {
    await new Promise<void>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = url;
      script.async = false;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`Office.js could not be loaded from ${url}`));
      doc.head.appendChild(script);
    });
  }
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  if (!office) throw new Error('Office.js loaded but defined no Office global.');
  await office.onReady();
  return office;
}
