// Lint: TypeScript rules plus the import directions of ARCHITECTURE.md, so a
// wrong-way import fails CI rather than review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

const noClientOrServer = [
  { group: ['**/client/**', '**/server/**'], message: 'shared/ imports nothing from client/ or server/.' },
];

const noClientInServer = { group: ['**/client/**'], message: 'The server never imports client code.' };
const noHttpBelow = { group: ['**/http/**'], message: 'collab and storage sit below http: they never import it.' };
const noBackendOutsideMain = {
  group: ['**/storage/sqlite/**', '**/storage/postgres/**', 'better-sqlite3', 'pg', 'ioredis'],
  message: 'Only server/main.ts chooses a storage backend.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict([
        ...noClientOrServer,
        { group: ['node:*'], message: 'shared/ is pure: no node:* modules.' },
      ]),
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: restrict([{ group: ['**/server/**'], message: 'The client talks to the server over HTTP and WebSocket only.' }]),
  },
  {
    files: ['client/editor/**/*.{ts,tsx}'],
    rules: restrict([
      { group: ['**/server/**'], message: 'The client talks to the server over HTTP and WebSocket only.' },
      { group: ['**/api/**', '**/panels/**', '!**/shared/api/**'], message: 'The editor knows nothing of REST or panels.' },
    ]),
  },
  {
    // collab and storage sit below http; collab may not pick a storage backend either.
    files: ['server/collab/**/*.ts'],
    ignores: ['server/collab/fanout/Redis*.ts'],
    rules: restrict([noClientInServer, noHttpBelow, noBackendOutsideMain]),
  },
  {
    // The Redis implementations (fan-out, shared sign-in counts) are where ioredis is spoken; main.ts alone constructs them.
    files: ['server/collab/fanout/Redis*.ts', 'server/auth/Redis*.ts'],
    rules: restrict([noClientInServer, noHttpBelow]),
  },
  {
    files: ['server/storage/**/*.ts'],
    rules: restrict([noClientInServer, noHttpBelow]),
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/main.ts', 'server/collab/**', 'server/storage/**', 'server/auth/Redis*.ts'],
    rules: restrict([noClientInServer, noBackendOutsideMain]),
  },
  {
    files: ['server/main.ts'],
    rules: restrict([noClientInServer]),
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
