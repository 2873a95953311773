// Lint rules, including the runtime boundaries (docs/architecture.md): shared/ is pure TypeScript,
// the Node services never load Electron, the renderer reaches main only through the contract.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_AND_ELECTRON = [
  { group: ['node:*'], message: 'shared/ and the renderer are pure TypeScript: no Node modules.' },
  { group: ['electron', 'electron/*'], message: 'Only main/electron/ may load Electron.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', '.tmp/', '.lo/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Chinese text uses the ideographic space (U+3000) on purpose: in strings, templates and comments.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_AND_ELECTRON,
            {
              group: ['exceljs', 'lowdb', 'lowdb/*', 'react', 'react-dom', 'react-dom/*', 'antd', 'antd/*'],
              message: 'shared/ holds the rules only: no files, workbooks or UI.',
            },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the repository.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    files: ['main/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', '**/electron/**'],
              message: 'The Node services run without Electron (CLI, web harness): only main/electron/ may load it.',
            },
            { group: ['**/renderer/**', 'react', 'react-dom', 'antd'], message: 'The services never load the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic rules; the React Compiler's rules are for code written for that compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_AND_ELECTRON,
            {
              group: ['**/main/**', 'exceljs', 'lowdb', 'lowdb/*'],
              message: 'The renderer reaches the services only through the contract (window.api / @shared/api).',
            },
          ],
        },
      ],
    },
  },
);
