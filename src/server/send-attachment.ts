/** A file the API hands out: saved under its name by the browser, never cached. */
import type { Response } from 'express';

/** The MIME type of an .xlsx file. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends `body` as an attachment named `filename` (`Content-Disposition`), of `contentType`, with `Cache-Control: no-store`. */
export function sendAttachment(res: Response, contentType: string, filename: string, body: string | Buffer): void {
  res
    .status(200)
    .setHeader('Content-Type', contentType)
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .setHeader('Cache-Control', 'no-store')
    .send(body);
}
