import type { Finding, FindingId } from '../types';

export interface SourceLines {
  /** Lines without terminators; `lines[i]` is line i + 1 of the input as given. */
  lines: string[];
  findings: Finding[];
}

/**
 * Splits text on CRLF, LF and lone CR so that line numbers match what an editor shows for the original
 * input; the split itself is the line-ending normalisation. A leading BOM is dropped.
 */
export function splitLines(text: string, file: string | undefined): SourceLines {
  const findings: Finding[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    findings.push({
      id: 'bom-removed',
      severity: 'info',
      file,
      line: 1,
      message: 'A UTF-8 byte order mark at the start was removed; AKS expects plain PEM text.',
    });
  }
  const lines = text.split(/\r\n|\r|\n/);
  const crlf = text.indexOf('\r\n');
  const loneCr = text.search(/\r(?!\n)/);
  if (crlf >= 0)
    findings.push(
      lineEndingFinding('crlf-normalized', 'Windows (CRLF) line endings were converted to LF.', text, crlf, file),
    );
  if (loneCr >= 0)
    findings.push(
      lineEndingFinding('cr-normalized', 'Old Mac (CR) line endings were converted to LF.', text, loneCr, file),
    );
  return { lines, findings };
}

function lineEndingFinding(
  id: FindingId,
  message: string,
  text: string,
  offset: number,
  file: string | undefined,
): Finding {
  return { id, severity: 'info', message, file, line: lineOfOffset(text, offset) };
}

/** 1-based line of a character offset, counting CRLF, LF and lone CR as one break each. */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
