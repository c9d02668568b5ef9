/**
 * The check on Send's counters: the Outlook handler reports `{ month, kind }` (signed in, any
 * role, nothing else accepted); the DPO reads the months. Numbers only: no caller is recorded.
 */
import { Router, type Request } from 'express';
import { RateLimited, type ReportRatePolicy } from '../domain';
import { countSendCheckEvent, readSendCheckCounts, ReportRateLimiter, type UseCaseDeps } from '../use-cases';
import { HttpProblem } from './error-response';
import { callerOf } from './incident-routes';

/**
 * Reports one person's Outlook may send in a row: 20 at once, then one a minute. A person who
 * is alerted on more mails than that is counted up to it; a script with one person's token
 * cannot move the month's numbers by more.
 */
export const SEND_CHECK_RATE: ReportRatePolicy = { burst: 20, refillMs: 60_000 };

/** A month query parameter, given at most once. */
function monthParam(req: Request, name: 'from' | 'to'): string | undefined {
  const value = req.query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new HttpProblem(
    400,
    'invalid_month',
    `${name} ska anges en gång, som ÅÅÅÅ-MM.`,
    `${name} must be given once, as YYYY-MM.`,
  );
}

export function sendCheckRoutes(deps: UseCaseDeps, policy: ReportRatePolicy = SEND_CHECK_RATE): Router {
  const router = Router();
  const rate = new ReportRateLimiter(policy);

  router.post('/send-check/events', async (req, res) => {
    const caller = callerOf(req);
    try {
      rate.take(caller.id, deps.clock.now());
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      throw new HttpProblem(
        429,
        'rate_limited',
        'För många rapporter från varningen vid Skicka på kort tid; inget räknades.',
        'Too many reports from the alert on Send in a short time; nothing was counted.',
        error.retryAfterSeconds,
      );
    }
    try {
      await countSendCheckEvent(deps, req.body);
    } catch (error) {
      // Refused or failed: nothing was counted, so the token goes back.
      rate.giveBack(caller.id, deps.clock.now());
      throw error;
    }
    res.status(204).end();
  });

  router.get('/send-check/counts', async (req, res) => {
    const months = await readSendCheckCounts(deps, callerOf(req), {
      from: monthParam(req, 'from'),
      to: monthParam(req, 'to'),
    });
    res.setHeader('Cache-Control', 'no-store').json({ months });
  });

  return router;
}
