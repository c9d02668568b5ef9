// ESLint for PUI Desk: the recommended rules of ESLint and typescript-eslint, React hooks' rules for
// the tab and the Outlook pane, and the project's own boundaries. `npm run lint` runs it with Prettier.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', '.data/**', 'appPackage/build/**', 'tools/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already say it; `_name` marks a parameter kept for its shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Never swallow an error silently: an empty catch needs a comment saying why.
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/tab/**/*.{ts,tsx}', 'src/outlook/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The domain imports nothing from outside itself; botbuilder stays inside bot/.
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!./*', 'express', 'botbuilder*', 'react*', '@microsoft/*', '@azure/*', 'better-sqlite3'], message: 'src/domain imports nothing from outside itself.' }] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'Every botbuilder import stays inside bot/ (botbuilder is past its end of support).' }] }] },
  },
  // CommonJS files (jest's reporter, the Playground preload) require; type declarations of plain JS may say any.
  { files: ['**/*.{js,cjs}'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['**/*.d.mts', '**/*.d.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
  },
);
