/** The use cases: one thing a person does each. */
export * from './change-incident';
export * from './deps';
export * from './get-incident';
export * from './list-incidents';
export * from './report-incident';
