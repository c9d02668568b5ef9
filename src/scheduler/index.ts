/** The scheduler: the timer that drives the clock's reminders. */
export * from './interval-timer';
export * from './reminder-scheduler';
export * from './access-log-retention-scheduler';
