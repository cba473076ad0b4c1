// ESLint: the recommended rules of ESLint and typescript-eslint (npm run lint). Layout is Prettier's
// (npm run format; eslint-config-prettier below), and which module may import which is
// tests/unit/architecture.test.ts's.
// The type-checked rule sets are not used: they need the whole program and take minutes on a busy
// two-core machine, longer than test:unit may take.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'test-artifacts/', 'tests/snapshots/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // The plain JavaScript files are Node scripts and configs (TypeScript checks names in .ts files).
    languageOptions: { globals: globals.node },
    rules: {
      // Leaving out properties by destructuring ({ dropped: _, ...rest }) is how a copy without them is made.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The tests break parsed JSON on purpose (a wrong type, a missing field) to see it refused: the
    // documents they edit are untyped by intent.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Vitest reads a fixture's dependencies from its first parameter, which must be a destructuring
    // pattern even when the fixture has none: `async ({}, use) => …`.
    files: ['tests/support/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  // Last: turns off the rules Prettier's layout would break, such as no-unexpected-multiline on a
  // long member chain that Prettier breaks before an index.
  prettier,
);
