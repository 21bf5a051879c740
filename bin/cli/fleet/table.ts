import { visibleText } from '../../../lib/pki/visible-text';

/**
 * A plain text table for people: columns padded to their widest cell, two spaces apart. Cells come from ARM and
 * from certificates, so control and format characters are shown escaped (`\u001B`): a name cannot drive the terminal.
 */
export function table(header: readonly string[], rawRows: readonly (readonly string[])[]): string {
  const rows = rawRows.map((row) => row.map(visibleText));
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
