import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      // `_` names a value taken on purpose and not read (a Playwright fixture requested for its reset, a field
      // split off a rest object).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Components run in the browser: lib/azure is server-only (the shared shapes are in lib/clusters/types.ts).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/azure', '@/lib/azure/*', '**/lib/azure', '**/lib/azure/*'],
              message:
                'lib/azure is server-only: import shared types from @/lib/clusters/types, call ARM through app/actions.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's `use` hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // The page objects of e2e/pages come from the fixtures (e2e/fixtures.ts); a second tab constructs its own.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "NewExpression[callee.name=/^(AppShell|ClusterPage|FleetPage|InventoryPage|RolloutPage)$/][arguments.0.name='page']",
          message:
            'Take the page object from the fixtures (appShell, clusterPage, fleetPage, inventoryPage, rolloutPage).',
        },
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'Wait on an event, never a fixed sleep.',
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.emulator/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'coverage/**',
    'next-env.d.ts',
  ]),
]);
