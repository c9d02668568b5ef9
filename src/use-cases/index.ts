/** The use cases: one thing a person (or the app's own clock) does each. */
export * from './announce';
export * from './change-incident';
export * from './check-readiness';
export * from './deliver-announcements';
export * from './delivery-loop';
export * from './deps';
export * from './dpo-channel';
export * from './export-register';
export * from './get-incident';
export * from './import-register';
export * from './list-incidents';
export * from './outbox';
export * from './report-incident';
export * from './report-rate-limiter';
export * from './reporter-lanes';
export * from './send-due-reminders';
export * from './summarise-register';
