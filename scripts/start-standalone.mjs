#!/usr/bin/env node
// Starts the production build (Next's standalone server), the same artifact a container would run.
// Standalone output leaves out .next/static and public/, so they are copied in first.
import { cpSync, existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOSTNAME ?? '127.0.0.1' },
  },
});
if (!/^\d{1,5}$/.test(values.port)) {
  console.error(`start-standalone: --port must be a number, got "${values.port}"`);
  process.exit(2);
}
const server = '.next/standalone/server.js';
if (!existsSync(server)) {
  console.error('start-standalone: no production build found; run "npm run build" first.');
  process.exit(1);
}
cpSync('.next/static', '.next/standalone/.next/static', { recursive: true });
if (existsSync('public')) cpSync('public', '.next/standalone/public', { recursive: true });

const child = spawn(process.execPath, [server], {
  stdio: 'inherit',
  env: { ...process.env, PORT: values.port, HOSTNAME: values.host },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
