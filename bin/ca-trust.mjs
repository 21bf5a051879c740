#!/usr/bin/env node
// Thin launcher: registers tsx so the TypeScript command line (and lib/pki) run without a build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./ca-trust.ts', import.meta.url).href);
