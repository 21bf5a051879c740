/**
 * Big inputs (a 2 MiB paste of 4,000+ CAs): AKS accepts at most 10 certificates, so a proposal that holds far
 * more can never be applied. Decoding every one with pkijs costs about half a millisecond each (2-4 s for
 * 4,100 on this machine) while splitting the text into blocks costs ~60 ms for all of them; so an input with more
 * than DECODED_PER_INPUT certificates has only its first ones decoded and checked, the others are counted, and
 * every intake finding of the whole text (a private key at line 30,000, refused blocks) is still reported. Pure.
 */
import { encodeBase64 } from '../pki/encoding';
import { intake } from '../pki/intake';
import { MAX_AKS_CERTIFICATES, type BundleInput, type Finding } from '../pki';

/** Certificates decoded per input when it holds more than this many (the editor shows them ten to a page). */
export const DECODED_PER_INPUT = 50;

export interface BigInputPlan {
  /** What to decode: each input, or its text cut after its DECODED_PER_INPUT-th certificate. */
  inputs: BundleInput[];
  /** Intake findings of the text that was cut off (they point at its lines, as for the whole input). */
  findings: Finding[];
  /** Distinct certificates counted but not decoded. */
  notDecoded: number;
}

function asText(content: string | Uint8Array): string | null {
  if (typeof content === 'string') return content;
  if (content[0] === 0x30) return null; // DER or PKCS#7: decoded whole
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

function distinct(candidates: { der: Uint8Array }[]): Set<string> {
  return new Set(candidates.map((candidate) => encodeBase64(candidate.der)));
}

function cutAfterLine(text: string, line: number): string {
  let at = -1;
  for (let seen = 0; seen < line; seen++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text;
  }
  return text.slice(0, at + 1);
}

function planInput(input: BundleInput): { input: BundleInput; findings: Finding[]; notDecoded: number } {
  const whole = { input, findings: [], notDecoded: 0 };
  const text = asText(input.content);
  if (text === null) return whole;
  const read = intake({ name: input.name, content: text });
  if (read.candidates.length <= DECODED_PER_INPUT) return whole;
  const lastLine = read.candidates[DECODED_PER_INPUT - 1]!.source.endLine;
  if (lastLine === undefined) return whole;
  const head = cutAfterLine(text, lastLine);
  const headRead = intake({ name: input.name, content: head });
  // A shape that does not cut cleanly (one JSON document, base64 of a whole PEM file) is decoded whole.
  if (headRead.candidates.length !== DECODED_PER_INPUT) return whole;
  const findings = read.findings.filter((finding) => finding.line !== undefined && finding.line > lastLine);
  const headKeys = distinct(headRead.candidates);
  const notDecoded = [...distinct(read.candidates)].filter((key) => !headKeys.has(key)).length;
  return { input: { name: input.name, content: head }, findings, notDecoded };
}

export function planBigInputs(inputs: BundleInput[]): BigInputPlan {
  const planned = inputs.map(planInput);
  return {
    inputs: planned.map((plan) => plan.input),
    findings: planned.flatMap((plan) => plan.findings),
    notDecoded: planned.reduce((sum, plan) => sum + plan.notDecoded, 0),
  };
}

/** The AKS limit finding for a proposal of which only the first certificates were decoded. */
export function tooManyCounted(total: number, notDecoded: number): Finding {
  return {
    id: 'too-many-certificates',
    severity: 'error',
    message: `The bundle has ${total} different certificates but AKS accepts at most ${MAX_AKS_CERTIFICATES}; remove ${total - MAX_AKS_CERTIFICATES}, starting with ones your nodes do not need. Only the first ones are decoded and shown; the other ${notDecoded} are counted.`,
  };
}
