import { beforeAll, describe, expect, it } from 'vitest';
import { bigBundle } from '../../e2e/support/big-bundle';
import { DECODED_PER_INPUT, planBigInputs } from './big-input';
import { editorInputs, editorReducer, INITIAL_EDITOR_STATE, PASTE_SOURCE_NAME } from './editor-state';
import { buildProposal } from './proposal';

const NONE = { current: [], added: [] };
const now = new Date();
let text: string;
beforeAll(async () => {
  text = await bigBundle(130);
}, 60_000);

describe('big inputs', () => {
  it('decodes only the first certificates of an input that holds many, counts the rest, keeps later findings', async () => {
    const withKeyAtEnd = `${text}-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n`;
    const plan = planBigInputs([{ name: PASTE_SOURCE_NAME, content: withKeyAtEnd }]);
    expect(plan.notDecoded).toBe(130 - DECODED_PER_INPUT);
    expect(plan.findings.map((finding) => finding.id)).toContain('private-key');

    const proposal = await buildProposal({
      current: [],
      inputs: [{ name: PASTE_SOURCE_NAME, content: text }],
      excluded: NONE,
      now,
    });
    expect(proposal.certificates).toHaveLength(DECODED_PER_INPUT);
    expect(proposal.certificates[0]!.displayName).toBe('Bulk CA 00001');
    expect(proposal.notDecoded).toBe(80);
    const tooMany = proposal.findings.filter((finding) => finding.id === 'too-many-certificates');
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0]!.message).toContain('The bundle has 130 different certificates');
    expect(proposal.errorCount).toBeGreaterThan(0);
  });

  it('decodes small inputs whole', async () => {
    const few =
      text.split('-----END CERTIFICATE-----').slice(0, 12).join('-----END CERTIFICATE-----') +
      '-----END CERTIFICATE-----\n';
    expect(planBigInputs([{ name: 'f', content: few }]).notDecoded).toBe(0);
    const proposal = await buildProposal({ current: [], inputs: [{ name: 'f', content: few }], excluded: NONE, now });
    expect(proposal.certificates).toHaveLength(12);
    expect(proposal.notDecoded).toBe(0);
  });
});

describe('pasted line endings', () => {
  it('a paste that had CRLF on the clipboard is read with CRLF, so it gets the line-ending finding files get', async () => {
    const pem = text.slice(0, text.indexOf('-----END CERTIFICATE-----') + 26);
    const state = editorReducer(INITIAL_EDITOR_STATE, { type: 'paste-changed', text: pem, lineEnding: 'crlf' });
    const typed = editorReducer(state, { type: 'paste-changed', text: `${pem}\n` });
    expect(typed.pastedLineEnding).toBe('crlf');
    const proposal = await buildProposal({ current: [], inputs: editorInputs(typed), excluded: NONE, now });
    expect(proposal.findings.find((finding) => finding.id === 'crlf-normalized')).toMatchObject({
      file: PASTE_SOURCE_NAME,
      severity: 'info',
    });
    expect(proposal.caBundle[0]!.pem).not.toContain('\r');
    expect(editorReducer(typed, { type: 'paste-changed', text: '' }).pastedLineEnding).toBeUndefined();
  });
});
