/**
 * Writes public/public-roots/debian.json: the public roots an AKS-like Linux node trusts by default, taken from
 * Debian's ca-certificates bundle on the machine that runs it (/etc/ssl/certs/ca-certificates.crt, or the file
 * given as the first argument). The dashboard's "Check a server" panel loads it only when its "public roots"
 * option is on. Run it again after `apt-get install --only-upgrade ca-certificates`:
 *
 *   npx tsx scripts/snapshot-public-roots.ts [/etc/ssl/certs/ca-certificates.crt]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pemBlocksOf } from '../lib/pki/path/pem-blocks';

const source = process.argv[2] ?? '/etc/ssl/certs/ca-certificates.crt';
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'public-roots', 'debian.json');

function packageVersion(): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'ca-certificates'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const certificates = pemBlocksOf(readFileSync(source, 'utf8'));
if (certificates.length === 0) throw new Error(`${source} holds no certificate`);
const snapshot = {
  description: `Public roots of ${osName()}, package ca-certificates ${packageVersion()}, from ${source}`,
  generatedAt: new Date().toISOString().slice(0, 10),
  count: certificates.length,
  certificates,
};
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(snapshot, null, 1) + '\n');
console.log(`${certificates.length} certificates written to ${target}`);
