#!/usr/bin/env node
// `node scripts/tee-output.mjs FILE [--terminal-skip REGEX] -- COMMAND ARGS…`: runs COMMAND, writes its stdout and
// stderr to FILE (truncated first) and passes them through, except lines matching REGEX, which go to FILE only. The
// e2e harness uses it so that specs can read what the servers printed (e2e/server-logs.spec.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
const [file, ...options] = separator < 0 ? [] : argv.slice(0, separator);
const [command, ...args] = separator < 0 ? [] : argv.slice(separator + 1);
const skipAt = options.indexOf('--terminal-skip');
const skip = skipAt >= 0 && options[skipAt + 1] ? new RegExp(options[skipAt + 1]) : null;
if (!file || !command) {
  console.error('usage: node scripts/tee-output.mjs FILE [--terminal-skip REGEX] -- COMMAND [ARGS…]');
  process.exit(2);
}
mkdirSync(dirname(file), { recursive: true });
const out = createWriteStream(file, { flags: 'w' });
const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });

function pass(source, target) {
  let pending = '';
  source.setEncoding('utf8');
  source.on('data', (text) => {
    out.write(text);
    if (!skip) return void target.write(text);
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (!skip.test(line)) target.write(`${line}\n`);
  });
  source.on('end', () => {
    if (pending && !skip?.test(pending)) target.write(pending);
  });
}
pass(child.stdout, process.stdout);
pass(child.stderr, process.stderr);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => out.end(() => process.exit(code ?? (signal ? 1 : 0))));
