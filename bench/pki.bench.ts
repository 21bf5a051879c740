/**
 * npm run bench:pki [-- BUNDLE.pem]
 *
 * Times lib/pki's full pipeline (intake + decode + lint + payload, i.e. readBundle) over Debian's CA bundle
 * beside Node's crypto.X509Certificate parsing and fingerprinting the same certificates. Runs alternate
 * between the two so that load from other processes affects both alike. The last line is one JSON object.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readBundle } from '../lib/pki';

const BUNDLE = process.argv[2] ?? '/etc/ssl/certs/ca-certificates.crt';
const WARMUP_RUNS = 5;
const MEASURED_RUNS = 31;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function timePki(text: string, now: Date): Promise<{ ms: number; certificates: number }> {
  const start = performance.now();
  const result = await readBundle([{ name: BUNDLE, content: text }], { now });
  const ms = performance.now() - start;
  if (result.findings.some((finding) => finding.id === 'internal-error'))
    throw new Error('readBundle reported an internal error');
  return { ms, certificates: result.certificates.length };
}

function timeBaseline(text: string): { ms: number; certificates: number } {
  const start = performance.now();
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  let fingerprints = 0;
  for (const block of blocks) {
    const certificate = new X509Certificate(block);
    if (certificate.fingerprint256 && certificate.fingerprint) fingerprints++;
  }
  return { ms: performance.now() - start, certificates: fingerprints };
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE)) {
    console.error(
      `${BUNDLE} not found; install Debian's ca-certificates package (apt-get install -y ca-certificates) or pass a bundle path.`,
    );
    process.exit(1);
  }
  const text = readFileSync(BUNDLE, 'utf8');
  const now = new Date();
  const cold = await timePki(text, now);
  for (let run = 0; run < WARMUP_RUNS; run++) {
    await timePki(text, now);
    timeBaseline(text);
  }
  const pkiTimes: number[] = [];
  const baselineTimes: number[] = [];
  let certificates = cold.certificates;
  for (let run = 0; run < MEASURED_RUNS; run++) {
    const pki = await timePki(text, now);
    const baseline = timeBaseline(text);
    if (pki.certificates !== baseline.certificates)
      throw new Error(`lib/pki read ${pki.certificates} certificates, node:crypto ${baseline.certificates}`);
    certificates = pki.certificates;
    pkiTimes.push(pki.ms);
    baselineTimes.push(baseline.ms);
  }
  const medianMs = median(pkiTimes);
  const baselineMedianMs = median(baselineTimes);
  console.log(
    `bundle: ${BUNDLE} (${certificates} certificates), ${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-up runs`,
  );
  console.log(
    `lib/pki readBundle: first run ${round(cold.ms)} ms, median ${round(medianMs)} ms, min ${round(Math.min(...pkiTimes))} ms`,
  );
  console.log(
    `node:crypto X509Certificate: median ${round(baselineMedianMs)} ms, min ${round(Math.min(...baselineTimes))} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'pki',
      certificates,
      median_ms: round(medianMs),
      baseline: 'node:crypto X509Certificate',
      baseline_median_ms: round(baselineMedianMs),
      ratio: round(medianMs / baselineMedianMs),
    }),
  );
}

await main();
