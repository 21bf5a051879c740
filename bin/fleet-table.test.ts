import { describe, expect, it } from 'vitest';
import { table } from './cli/fleet/table';

describe('fleet table', () => {
  it('shows control and bidi characters of a certificate name escaped, so a name cannot drive the terminal', () => {
    const out = table(['cluster', 'CA name'], [['aks-1', 'Evil\u001B[2J CA\u202Egpj.exe']]);
    expect(out).not.toMatch(/[\u001B\u202E]/);
    expect(out).toContain('Evil\\u001B[2J CA\\u202Egpj.exe');
  });
});
