/**
 * Fair turns between reporters in the announcement outbox: one reporter's backlog never delays
 * another reporter's announcement.
 *
 * @remarks The outbox hands out entries earliest due first (one indexed query on both stores), so
 * fairness is decided when an entry is queued, by the instant it falls due: each reporter has a
 * lane, and a report's announcement is due at its lane's next turn (generic cell rate algorithm:
 * the first {@link REPORTER_LANE.burst} of a burst at once, then one per
 * {@link REPORTER_LANE.spacingMs}). A report from someone else is due at once and so comes before
 * the flood's later turns, whatever was queued before it.
 * Spacing one reporter's announcements 500 ms apart costs that reporter nothing: Teams lets a bot
 * post 60 messages per 30 s into one conversation (bot/pacer.ts), one per 500 ms, so a lone burst
 * (a large intrusion reported by one person) is announced as fast as before; it only stops that
 * burst from standing in front of everyone else's reports. What is not solved here: after an
 * outage (no DPO channel set) the backlog is handed out by turn, so a report filed at t waits
 * behind another reporter's turns before t (at most two per second of their head start).
 * The lanes are kept per process (in the one outbox per store): several server instances each
 * space the reports they receive, so a flood spread over N instances gets N turns per 500 ms, still
 * never more than N in front of another's report. A restart forgets the lanes; a flooder's next
 * report then goes once at once, in front of only its own older ones.
 */

/** How a reporter's announcements are spaced. */
export const REPORTER_LANE = {
  /** Announcements of one burst due at once (a DPO filing a handful together sees them at once). */
  burst: 10,
  /** Then one turn per this many milliseconds: Teams' 60 posts per 30 s into one conversation. */
  spacingMs: 500,
} as const;

/** Lanes remembered before forgetting those whose turns have all passed. */
const PRUNE_AT = 10_000;

/** The per-reporter turns of one process. */
export class ReporterLanes {
  /** Per reporter: the theoretical arrival time of their next announcement (GCRA), in ms. */
  private readonly next = new Map<string, number>();
  /** Prune when this many are remembered; raised when little could be forgotten, so pruning stays rare. */
  private pruneAt = PRUNE_AT;

  constructor(private readonly lane: { burst: number; spacingMs: number } = REPORTER_LANE) {}

  /** When the reporter's next announcement falls due, queued at `now` (ms); takes the turn. */
  turn(reporterId: string, now: number): number {
    const tat = Math.max(this.next.get(reporterId) ?? now, now);
    const due = Math.max(now, tat - (this.lane.burst - 1) * this.lane.spacingMs);
    this.next.set(reporterId, tat + this.lane.spacingMs);
    if (this.next.size > this.pruneAt) this.prune(now);
    return due;
  }

  /** A lane whose turns have all passed holds nothing: its next report is due at once anyway. */
  private prune(now: number): void {
    for (const [id, tat] of this.next) if (tat <= now) this.next.delete(id);
    this.pruneAt = Math.max(PRUNE_AT, 2 * this.next.size);
  }
}
