import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

// kebab-case, with an optional role suffix (`x.test.ts`, `eslint.config.mjs`).
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*(\.(test|bench|d|config))?\.(ts|mjs|js)$/;

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', '**/testdata/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{mjs,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-shadow': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
  },
  {
    // The core never touches CI toolkits: only the platform adapters and entrypoints may.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/github/**', 'src/entrypoints/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'Only src/platform/github and src/entrypoints may import @actions/*.' }] }],
    },
  },
  {
    // src/model is pure types: it imports nothing else from src.
    files: ['src/model/**/*.ts'],
    rules: {
      // A later block's rule options replace the earlier ones, so the @actions/* ban is restated here.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '!./*'], message: 'src/model imports nothing from the rest of src.' },
            { group: ['@actions/*'], message: 'Only src/platform/github and src/entrypoints may import @actions/*.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,mjs,js}'],
    plugins: {
      local: {
        rules: {
          'kebab-case-files': {
            meta: { type: 'problem', schema: [] },
            create(context) {
              const base = context.filename.split('/').pop() ?? '';
              return {
                Program(node) {
                  if (!kebab.test(base)) context.report({ node, message: `File name "${base}" is not kebab-case.` });
                },
              };
            },
          },
        },
      },
    },
    rules: { 'local/kebab-case-files': 'error' },
  },
);
