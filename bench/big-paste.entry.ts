/** What bench/big-paste.bench.ts runs in Chromium: the editor's proposal pipeline and lib/pki's full read. */
export { buildProposal } from '../lib/clusters/proposal';
export { readBundle } from '../lib/pki';
