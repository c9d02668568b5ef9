/** The use cases: one thing a person does each. */
export * from './announce';
export * from './announce-pending';
export * from './change-incident';
export * from './check-readiness';
export * from './deps';
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
