import type { PathValidationResult } from '../../lib/pki';

/** `--json`: exactly the shape issue 13 documents. */
export function pathJson(result: PathValidationResult): string {
  return JSON.stringify(
    {
      trusted: result.trusted,
      path: result.path.map(({ subject, sha256 }) => ({ subject, sha256 })),
      findings: result.findings.map(({ id, severity, message }) => ({ id, severity, message })),
    },
    null,
    2,
  );
}

export function pathHuman(result: PathValidationResult, checked: string): string {
  const lines = [`${result.trusted ? 'trusted' : 'NOT trusted'}: ${checked}`];
  if (result.path.length > 0) {
    lines.push(result.trusted ? 'path used:' : 'best candidate path:');
    for (const entry of result.path) {
      lines.push(`  [${entry.role}] ${entry.subject}`, `      sha256 ${entry.sha256}, expires ${entry.notAfter}`);
    }
  }
  const findings = result.findings;
  if (findings.length > 0) {
    lines.push(result.trusted ? 'notes:' : 'why not, and what to do:');
    for (const finding of findings) lines.push(`  ${finding.severity} [${finding.id}] ${finding.message}`);
  }
  return lines.join('\n') + '\n';
}
