import type { Finding } from '../types';

export interface BodyPart {
  text: string;
  line: number;
}

export interface PemBlock {
  label: string;
  beginLine: number;
  endLine: number;
  body: BodyPart[];
  /** First line inside the block that looks like an RFC 1421 header (`Proc-Type: ...`). */
  headerLine?: number;
}

export interface PemScan {
  /** Blocks that have matching BEGIN and END lines. */
  blocks: PemBlock[];
  /** Whether any BEGIN or END marker was seen at all. */
  sawMarker: boolean;
  findings: Finding[];
}

const MARKER = /-----(BEGIN|END) ([^-\r\n]{0,80}?)-----/g;

/** Labels are echoed in messages, so keep only the characters real PEM labels use. */
export function safeLabel(label: string): string {
  const cleaned = label
    .replace(/[^A-Za-z0-9 #._/]/g, '')
    .trim()
    .slice(0, 40);
  return cleaned || 'unnamed';
}

/**
 * Finds PEM blocks line by line. Markers may share a line with other content (blocks glued together,
 * single-line PEM); text outside blocks is dropped and reported without echoing it.
 */
export function scanPem(lines: string[], file: string | undefined): PemScan {
  const findings: Finding[] = [];
  const blocks: PemBlock[] = [];
  let open: PemBlock | null = null;
  let sawMarker = false;
  let outsideLines = 0;
  let firstOutsideLine = 0;
  let lastOutsideLine = 0;
  let firstTrimmedLine = 0;
  let firstJoinedLine = 0;

  const addSegment = (segment: string, line: number) => {
    if (segment.trim() === '') return;
    if (!open) {
      if (lastOutsideLine !== line) outsideLines++;
      lastOutsideLine = line;
      firstOutsideLine ||= line;
      return;
    }
    if (segment.includes(':')) {
      open.headerLine ??= line;
      return;
    }
    for (const text of segment.split(/\s+/)) if (text) open.body.push({ text, line });
  };

  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const raw = lines[index]!;
    const trimmed = raw.trim();
    const markers = trimmed.includes('-----') ? [...trimmed.matchAll(MARKER)] : [];
    if (trimmed !== raw && trimmed !== '' && (open || markers.length > 0) && !firstTrimmedLine) firstTrimmedLine = line;
    if (markers.length === 0) {
      addSegment(trimmed, line);
      continue;
    }
    sawMarker = true;
    if (markers.length > 1 || markers[0]![0].length !== trimmed.length) firstJoinedLine ||= line;
    let cursor = 0;
    for (const marker of markers) {
      addSegment(trimmed.slice(cursor, marker.index), line);
      cursor = marker.index + marker[0].length;
      const label = marker[2]!.trim();
      if (marker[1] === 'BEGIN') {
        if (open) findings.push(missingEnd(open, file));
        open = { label, beginLine: line, endLine: line, body: [] };
      } else if (!open) {
        findings.push({
          id: 'pem-end-without-begin',
          severity: 'error',
          file,
          line,
          message: `Line ${line} has an END ${safeLabel(label)} line with no BEGIN line before it; add the missing BEGIN line or remove this one.`,
        });
      } else if (label !== open.label) {
        findings.push({
          id: 'pem-label-mismatch',
          severity: 'error',
          file,
          line,
          message: `The block that starts at line ${open.beginLine} as BEGIN ${safeLabel(open.label)} ends at line ${line} as END ${safeLabel(label)}; the labels must match.`,
        });
        open = null;
      } else {
        open.endLine = line;
        blocks.push(open);
        open = null;
      }
    }
    addSegment(trimmed.slice(cursor), line);
  }
  if (open) findings.push(missingEnd(open, file));

  if (outsideLines > 0) {
    findings.push({
      id: 'text-outside-blocks',
      severity: 'info',
      file,
      line: firstOutsideLine,
      message: `${outsideLines} line${outsideLines === 1 ? '' : 's'} of text outside PEM blocks (comments, Bag Attributes) ${outsideLines === 1 ? 'was' : 'were'} removed; only the blocks are sent.`,
    });
  }
  if (firstTrimmedLine) {
    findings.push({
      id: 'whitespace-trimmed',
      severity: 'info',
      file,
      line: firstTrimmedLine,
      message: 'Indentation and trailing whitespace around PEM lines were removed.',
    });
  }
  if (firstJoinedLine) {
    findings.push({
      id: 'pem-lines-rewrapped',
      severity: 'info',
      file,
      line: firstJoinedLine,
      message:
        'PEM markers that shared a line with other content were put on their own lines and the base64 re-wrapped at 64 characters.',
    });
  }
  return { blocks, sawMarker, findings };
}

function missingEnd(block: PemBlock, file: string | undefined): Finding {
  return {
    id: 'pem-missing-end',
    severity: 'error',
    file,
    line: block.beginLine,
    message: `The ${safeLabel(block.label)} block that starts at line ${block.beginLine} has no END line; the file may be truncated, so copy the whole block again.`,
  };
}
