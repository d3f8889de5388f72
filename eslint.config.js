// Lint rules for apigw-gen's own code. Deliberately small: typescript-eslint's recommended set
// (bugs, not style) plus a few rules that keep the code's conventions honest. Formatting is
// prettier's job (.prettierrc), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-cli/', 'generated/', 'node_modules/', 'coverage/', 'src/lint/rules/oas/precompiled/openapi-*.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' },
    },
    rules: {
      // Unused code is dead code; a leading underscore marks a deliberately unused parameter.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Type-only imports stay type-only, so the runtime import graph (layering, bundle chunks) is what it looks like.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Escaping control characters out of untrusted text is what several modules are for.
      'no-control-regex': 'off',
      // Untrusted input is data: a spec must never reach eval or the Function constructor.
      'no-eval': 'error',
      'no-new-func': 'error',
      // Only the CLI may exit the process.
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only src/cli ends the process: return an exit code instead.' }],
      'eqeqeq': ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests and benches parse loosely typed JSON and spawn the CLI: `any` and process.exit are fine there.
    files: ['test/**', 'bench/**', 'bin/**', 'src/cli/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-properties': 'off',
      // Tests evaluate generated code on purpose, to prove it holds no injected code.
      'no-new-func': 'off',
    },
  },
);
