/** Jest: TypeScript through SWC; ESM-only packages (jose) are transformed too. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // ESM-only packages are transformed wherever they sit, also nested (office-addin-mock's uuid and strip-bom).
  transformIgnorePatterns: ['/node_modules/(?!(jose|uuid|strip-bom)/)(?!.*/node_modules/(jose|uuid|strip-bom)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  testTimeout: 30000,
};
