// ESLint (flat config): typescript-eslint's type-checked recommended rules over the sources,
// tests and scripts, plus the few rules that matter here. `npm run lint` runs it, then
// `prettier --check`; formatting is Prettier's job, so no stylistic rule is on.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'native/build/',
      'coverage/',
      'runs/',
      'test-artifacts/',
      '.reprobench-tmp/',
      // Payloads carried to the GPU machine (bundles, Debian packages): local, git-ignored, not source.
      '.gpu*/',
      '.gl/',
      'docs/',
      'reference-results/',
      // Fixture projects are test inputs, some faulty or hostile on purpose; trainers' bytes are hashed.
      'test/fixtures/',
      // Browser code inlined into reports; its bytes are part of every report.
      'reports/templates/',
      // A user's project as the docs show it, outside this package's tsconfig.
      'examples/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `x == null` is kept as the idiom for "null or undefined"; every other comparison is strict.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Shapes (number[]) are interpolated on purpose, e.g. into kernel cache keys ("2,3").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowArray: true, allowNumber: true }],
      // Hooks such as loadData are async by contract; a body with nothing to await stays async so
      // that its errors still arrive as rejected promises.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read the JSON files and output the CLI wrote (JSON.parse gives `any`) and check the
    // fields with expect(): the assertions are the check, a type for every file read would be noise.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (scripts, native builds, this file) is outside tsconfig: no type information.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
