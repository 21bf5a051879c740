#!/usr/bin/env node
// Thin launcher: registers tsx so the TypeScript command line (and lib/pki, lib/azure) run without a build step,
// and lets lib/azure's `import 'server-only'` resolve as on the server (see server-only-hook.mjs).
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

registerHooks('./server-only-hook.mjs', import.meta.url);
register();
await import(new URL('./ca-trust.ts', import.meta.url).href);
