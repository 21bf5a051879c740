import { describe, expect, it } from 'vitest';
import { Progress } from './progress';

function sink(isTTY: boolean) {
  const out = { text: '', isTTY, write: (t: string) => void (out.text += t) };
  return out;
}

describe('fleet progress on stderr', () => {
  it('a terminal gets one bar rewritten in place, cleared at the end', () => {
    const s = sink(true);
    const progress = new Progress(s);
    progress.tenant('Contoso', 4);
    for (let i = 0; i < 4; i++) progress.subscriptionDone(5);
    progress.finish();
    expect(s.text).not.toContain('\n');
    expect(s.text).toContain('\r\x1b[2KContoso [##########..........] 2/4 subscriptions, 10 clusters');
    expect(s.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('a log gets a few plain lines: the tenant, each tenth, and failures', () => {
    const s = sink(false);
    const progress = new Progress(s);
    progress.tenant('Contoso', 20);
    for (let i = 0; i < 20; i++) progress.subscriptionDone(1);
    progress.note('subscription x not read');
    const lines = s.text.trimEnd().split('\n');
    expect(lines[0]).toBe('ca-trust: tenant Contoso: reading 20 subscription(s)');
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(s.text).not.toContain('\r');
    expect(lines.at(-1)).toBe('ca-trust: subscription x not read');
  });

  it('--quiet: failures only', () => {
    const s = sink(false);
    const progress = new Progress(s, false);
    progress.tenant('Contoso', 2);
    progress.subscriptionDone(1);
    progress.note('tenant y: no token');
    expect(s.text).toBe('ca-trust: tenant y: no token\n');
  });
});
