// ESLint flat config: typescript-eslint with type-aware rules, and ARCHITECTURE.md's dependency
// rule as `no-restricted-imports` per folder.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);
const sdkOnlyInBot = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'botbuilder is imported only under bot/.',
};
const azureOnlyInStore = {
  group: ['@azure/*'],
  message: 'Azure SDKs are used only in src/store (and local wiring).',
};
// Time is an input (ARCHITECTURE.md): the server and the tests read it from the injected Clock,
// so what they do never depends on when the suite runs. Tokens and HTTP dates live on real time
// and say so where they read it; waits in tests measure with performance.now().
const realClock = [
  'error',
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read the time from the injected Clock (ports.clock, the test server’s clock).',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message:
      'Read the time from the injected Clock; a wait in a test measures with performance.now().',
  },
];
const restrict = (message, ...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: patterns.flat(), message }, sdkOnlyInBot] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'appPackage/build/**',
      'scratch/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The tab reads the browser's clock, which the e2e tests set to the server's.
    files: ['src/**', 'bot/**', 'tests/**', 'scripts/**'],
    ignores: ['src/tab/**', 'tests/bench/**'],
    rules: { 'no-restricted-syntax': realClock },
  },
  {
    files: ['src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdkOnlyInBot] }] },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...layer('services', 'store', 'api', 'tab', 'jobs', 'local', 'bot'),
                '**/config',
                '**/main',
              ],
              message: 'core imports only core.',
            },
            {
              group: ['node:*', '@azure/*', 'express', 'react', 'react-*', 'jose', 'zod'],
              message: 'core is pure: no I/O or SDKs.',
            },
            sdkOnlyInBot,
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...layer('store', 'api', 'tab', 'jobs', 'local', 'bot'),
                '**/config',
                '**/main',
              ],
              message: 'services import only core.',
            },
            {
              group: ['@azure/*', 'express', 'react', 'react-*'],
              message: 'services take ports, not SDKs.',
            },
            sdkOnlyInBot,
          ],
        },
      ],
    },
  },
  {
    // Used by main and config: it knows nothing of Mutual, so anything may log through it.
    files: ['src/log/**'],
    rules: restrict(
      'log imports only Node and itself.',
      layer('core', 'services', 'store', 'api', 'tab', 'jobs', 'local', 'bot'),
      '**/config',
      '**/main',
      '@azure/*',
    ),
  },
  {
    files: ['src/store/**'],
    rules: restrict(
      'store imports services and core only.',
      layer('api', 'tab', 'jobs', 'local', 'bot'),
      '**/main',
    ),
  },
  {
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...layer('store', 'tab', 'jobs', 'local', 'bot'), '**/main'],
              message: 'api imports services and core only.',
            },
            azureOnlyInStore,
            sdkOnlyInBot,
          ],
        },
      ],
    },
  },
  {
    files: ['src/jobs/**'],
    rules: restrict(
      'jobs import services and core only.',
      layer('store', 'api', 'tab', 'local', 'bot'),
      '**/main',
    ),
  },
  {
    files: ['bot/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...layer('store', 'api', 'tab', 'jobs', 'local'), '**/main', '**/config'],
              message: 'bot imports services and core only.',
            },
            azureOnlyInStore,
          ],
        },
      ],
    },
  },
  {
    files: ['src/tab/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...layer('core', 'services', 'store', 'jobs', 'local', 'bot'),
                // Only the contract's index: its feature files are an implementation detail.
                '**/api/*',
                '**/api/**',
                '!**/api/contract',
                '**/config',
                '**/main',
              ],
              message: 'The tab imports only src/api/contract (its index) and browser packages.',
            },
            {
              group: ['node:*', '@azure/*', 'express', 'jose'],
              message: 'The tab runs in the browser.',
            },
            sdkOnlyInBot,
          ],
        },
      ],
    },
  },
);
