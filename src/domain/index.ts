/** The domain's public surface. */
export * from './causes';
export * from './deadline';
export * from './duties';
export * from './errors';
export * from './incident';
export * from './incident-changes';
export * from './incident-number';
export * from './person';
export * from './ports';
export * from './register-checks';
export * from './reminders';
export * from './report-input';
export * from './stockholm-time';
export * from './vocabulary';
export * from './identity-number';
export * from './register-report';
export * from './register-row';
