import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle, type CertificateInfo } from '../pki';
import { loadFixtures, type Fixtures } from '../pki/tests/fixtures';
import { applyBlocker } from './apply-gate';
import { editorInputs, editorReducer, INITIAL_EDITOR_STATE, PASTE_SOURCE_NAME } from './editor-state';
import { buildProposal } from './proposal';
import { validateCaBundle } from './validate-ca-bundle';

const now = new Date();
const ALLOWED = { status: 'allowed' } as const;
const gate = (provisioningState: string, powerState: string | null = 'Running') => ({
  name: 'aks-web-prod-neu',
  resourceGroup: 'rg-web-prod',
  provisioningState,
  powerState,
});
const NONE = { current: [], added: [] };
let fx: Fixtures;
let current: CertificateInfo[];
beforeAll(async () => {
  fx = await loadFixtures();
  current = (
    await readBundle(
      [
        { name: 'entry 1', content: fx.text('rsa-root.pem') },
        { name: 'entry 2', content: fx.text('ec-root.pem') },
      ],
      { now },
    )
  ).certificates;
});

describe('editorReducer', () => {
  it('adds and removes files, takes certificates out and back, replaces the current bundle', () => {
    let state = editorReducer(INITIAL_EDITOR_STATE, {
      type: 'files-added',
      files: [
        { id: 'a', name: 'a.pem', content: 'x' },
        { id: 'b', name: 'b.der', content: new Uint8Array([48]) },
      ],
    });
    state = editorReducer(state, { type: 'file-removed', id: 'a' });
    expect(state.files.map((file) => file.id)).toEqual(['b']);
    state = editorReducer(state, { type: 'certificate-removed', sha256: 'aa', origin: 'current' });
    state = editorReducer(state, { type: 'certificate-removed', sha256: 'aa', origin: 'current' });
    state = editorReducer(state, { type: 'certificate-removed', sha256: 'cc', origin: 'added' });
    expect(state.excluded).toEqual({ current: ['aa'], added: ['cc'] });
    state = editorReducer(state, { type: 'current-replaced', currentSha256: ['aa', 'bb'] });
    expect(state.excluded.current).toEqual(['aa', 'bb']);
    state = editorReducer(state, { type: 'certificate-restored', sha256: 'aa', origin: 'current' });
    expect(state.excluded).toEqual({ current: ['bb'], added: ['cc'] });
    expect(editorReducer(state, { type: 'reset' })).toEqual(INITIAL_EDITOR_STATE);
  });

  it('turns files and pasted text into lib/pki inputs, ignoring blank paste', () => {
    const state = editorReducer(
      editorReducer(INITIAL_EDITOR_STATE, { type: 'files-added', files: [{ id: 'a', name: 'a.pem', content: 'x' }] }),
      { type: 'paste-changed', text: '  \n' },
    );
    expect(editorInputs(state)).toEqual([{ name: 'a.pem', content: 'x' }]);
    expect(editorInputs(editorReducer(state, { type: 'paste-changed', text: 'y' }))).toEqual([
      { name: 'a.pem', content: 'x' },
      { name: PASTE_SOURCE_NAME, content: 'y' },
    ]);
  });
});

describe('buildProposal', () => {
  it('with nothing added is no change, and apply says so', async () => {
    const proposal = await buildProposal({ current, inputs: [], excluded: NONE, now });
    expect(proposal.diff.unchanged).toHaveLength(2);
    expect(applyBlocker(proposal, gate('Succeeded'), ALLOWED)).toMatch(/^No change/);
  });

  it('treats another order and another encoding of the same certificates as no change', async () => {
    const crlf = (fx.text('ec-root.pem') + fx.text('rsa-root.pem')).replace(/\n/g, '\r\n');
    const proposal = await buildProposal({
      current,
      inputs: [{ name: 'reordered.pem', content: crlf }],
      excluded: NONE,
      now,
    });
    expect(proposal.findings.map((finding) => finding.id)).toContain('crlf-normalized');
    expect(proposal.findings.filter((finding) => finding.id === 'duplicate')).toHaveLength(2);
    expect(applyBlocker(proposal, gate('Succeeded'), ALLOWED)).toMatch(/^No change/);
  });

  it('adds a CA, and a removed current certificate shows as removed', async () => {
    const proposal = await buildProposal({
      current,
      inputs: [{ name: 'new.pem', content: fx.text('ed25519-root.pem') }],
      excluded: { current: [current[1]!.sha256], added: [] },
      now,
    });
    expect(proposal.diff.added.map((c) => c.displayName)).toEqual(['Contoso Ed25519 Root']);
    expect(proposal.diff.removed.map((c) => c.displayName)).toEqual(['Contoso EC Root']);
    expect(proposal.caBundle.map((c) => c.origin)).toEqual(['current', 'added']);
    expect(proposal.excluded.map((c) => c.displayName)).toEqual(['Contoso EC Root']);
    expect(applyBlocker(proposal, gate('Succeeded'), ALLOWED)).toBeNull();
    expect(applyBlocker(proposal, gate('Updating'), ALLOWED)).toMatch(/operation is running/);
  });

  it('keeps a private key out of the proposal as an error at its line, and blocks apply', async () => {
    const text = fx.text('ed25519-root.pem') + fx.text('ec-pkcs8.key');
    const proposal = await buildProposal({
      current,
      inputs: [{ name: PASTE_SOURCE_NAME, content: text }],
      excluded: NONE,
      now,
    });
    const refusal = proposal.findings.find((finding) => finding.id === 'private-key');
    expect(refusal).toMatchObject({
      severity: 'error',
      file: PASTE_SOURCE_NAME,
      line: fx.text('ed25519-root.pem').split('\n').length,
    });
    expect(proposal.caBundle.every((certificate) => !certificate.pem.includes('PRIVATE KEY'))).toBe(true);
    expect(applyBlocker(proposal, gate('Succeeded'), ALLOWED)).toMatch(/^Fix the error/);
  });

  it('lints the whole proposal: a leaf is not a CA, an expired root is an error', async () => {
    const proposal = await buildProposal({
      current,
      inputs: [
        { name: 'leaf.pem', content: fx.text('leaf.pem') },
        { name: 'old.pem', content: fx.text('expired-root.pem') },
      ],
      excluded: NONE,
      now,
    });
    expect(
      proposal.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.id)
        .sort(),
    ).toEqual(['expired', 'not-a-ca']);
    expect(proposal.findings.find((f) => f.id === 'not-a-ca')).toMatchObject({ file: 'leaf.pem', line: 1 });
  });

  it('an empty proposal points to remove-all', async () => {
    const proposal = await buildProposal({
      current,
      inputs: [],
      excluded: { current: current.map((c) => c.sha256), added: [] },
      now,
    });
    expect(applyBlocker(proposal, gate('Succeeded'), ALLOWED)).toMatch(/Remove all custom CAs/);
  });

  it('replacing the current bundle with the same certificates in another order is no change', async () => {
    const reordered = fx.text('ec-root.pem') + fx.text('rsa-root.pem');
    const proposal = await buildProposal({
      current,
      inputs: [{ name: 'same.pem', content: reordered }],
      excluded: { current: current.map((c) => c.sha256), added: [] },
      now,
    });
    expect(proposal.caBundle.map((c) => c.origin)).toEqual(['added', 'added']);
    expect(proposal.diff.unchanged).toHaveLength(2);
    expect(applyBlocker(proposal, gate('Succeeded'), ALLOWED)).toMatch(/^No change/);
  });

  it('a certificate taken out of the added ones stays out, the current one stays in', async () => {
    const proposal = await buildProposal({
      current,
      inputs: [{ name: 'dup.pem', content: fx.text('rsa-root.pem') + fx.text('ed25519-root.pem') }],
      excluded: { current: [], added: [current[0]!.sha256] },
      now,
    });
    expect(proposal.certificates.map((c) => `${c.origin}:${c.displayName}`)).toEqual([
      'current:Contoso RSA Root',
      'current:Contoso EC Root',
      'added:Contoso Ed25519 Root',
    ]);
    expect(proposal.excluded.map((c) => `${c.origin}:${c.displayName}`)).toEqual(['added:Contoso RSA Root']);
  });
});

describe('validateCaBundle (the server-side check)', () => {
  it('accepts canonical PEMs and an empty list (remove all)', async () => {
    const result = await validateCaBundle([fx.text('rsa-root.pem'), fx.text('ec-root.pem')], now);
    expect(result.ok && result.certificates.map((c) => c.displayName)).toEqual(['Contoso RSA Root', 'Contoso EC Root']);
    expect(await validateCaBundle([], now)).toEqual({ ok: true, certificates: [] });
  });

  it('refuses an error finding, a key, two certificates in one entry and more than ten entries', async () => {
    expect(await validateCaBundle([fx.text('leaf.pem')], now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a CA'),
    });
    expect(await validateCaBundle([fx.text('expired-root.pem')], now)).toMatchObject({ ok: false });
    expect(await validateCaBundle([fx.text('ec-pkcs8.key')], now)).toMatchObject({ ok: false });
    expect(await validateCaBundle([fx.text('rsa-root.pem') + fx.text('ec-root.pem')], now)).toMatchObject({
      ok: false,
      message: expect.stringContaining('exactly one certificate'),
    });
    expect(
      await validateCaBundle(
        Array.from({ length: 11 }, () => fx.text('rsa-root.pem')),
        now,
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('at most 10') });
  });
});
