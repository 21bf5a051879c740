/** Every failure kind of issue 13 as a generated chain, with the host to check and the anchors to trust. */
import '../../../../emulator/certs/reflect-polyfill';
import * as x509 from '@peculiar/x509';
import {
  DAY,
  EKU_CLIENT,
  EKU_CODE_SIGNING,
  EKU_SERVER,
  issue,
  nameConstraints,
  unknownCriticalExtension,
  type Issued,
} from './chains';

export interface Scenario {
  /** The chain the server sends, its own certificate first. */
  chain: string[];
  keyPem: string;
  anchors: string[];
  /** Expected peer name; `127.0.0.1` is an IP check. */
  host?: string;
  purpose?: 'server' | 'client';
  maxDepth?: number;
}

const HOST = 'registry.contoso.com';
const past = (days: number) => new Date(Date.now() - days * DAY);

export async function makeScenarios(): Promise<Record<string, Scenario>> {
  const root = await issue({ subject: 'CN=Contoso Root CA, O=Contoso' });
  const otherRoot = await issue({ subject: 'CN=Fabrikam Root CA, O=Fabrikam' });
  const int = await issue({ subject: 'CN=Contoso Issuing CA 2, O=Contoso', issuer: root });
  const leafOf = (issuer: Issued, extra: Partial<Parameters<typeof issue>[0]> = {}) =>
    issue({ subject: `CN=${HOST}`, issuer, ca: false, dns: [HOST], eku: [EKU_SERVER], ...extra });
  const leaf = await leafOf(int);
  const served = (leafCert: Issued, ...rest: Issued[]) => ({
    chain: [leafCert.pem, ...rest.map((c) => c.pem)],
    keyPem: leafCert.keyPem,
  });
  const scenarios: Record<string, Scenario> = {};
  const add = (name: string, scenario: Scenario) => (scenarios[name] = scenario);

  add('valid', { ...served(leaf, int), anchors: [root.pem], host: HOST });
  add('valid-trailing-dot-mixed-case', { ...served(leaf, int), anchors: [root.pem], host: 'Registry.CONTOSO.com.' });
  add('valid-root-sent-too', { ...served(leaf, int, root), anchors: [root.pem], host: HOST });
  add('valid-no-eku', { ...served(await leafOf(int, { eku: undefined }), int), anchors: [root.pem], host: HOST });

  const expiredInt = await issue({
    subject: 'CN=Contoso Issuing CA 1, O=Contoso',
    issuer: root,
    notBefore: past(400),
    notAfter: past(5),
  });
  add('expired-intermediate', { ...served(await leafOf(expiredInt), expiredInt), anchors: [root.pem], host: HOST });
  add('expired-leaf', {
    ...served(await leafOf(int, { notBefore: past(100), notAfter: past(1) }), int),
    anchors: [root.pem],
    host: HOST,
  });
  add('missing-intermediate', { ...served(leaf), anchors: [root.pem], host: HOST });
  add('root-not-trusted', { ...served(leaf, int, root), anchors: [otherRoot.pem], host: HOST });
  add('name-mismatch', { ...served(leaf, int), anchors: [root.pem], host: 'other.contoso.com' });
  add('cn-only', {
    ...served(await leafOf(int, { dns: [] }), int),
    anchors: [root.pem],
    host: HOST,
  });

  const wildcard = await leafOf(int, { subject: 'CN=*.contoso.com', dns: ['*.contoso.com'] });
  add('wildcard-valid', { ...served(wildcard, int), anchors: [root.pem], host: HOST });
  add('wildcard-two-labels', { ...served(wildcard, int), anchors: [root.pem], host: 'a.registry.contoso.com' });
  add('wildcard-bare-domain', { ...served(wildcard, int), anchors: [root.pem], host: 'contoso.com' });
  const partial = await leafOf(int, { subject: 'CN=reg*.contoso.com', dns: ['reg*.contoso.com'] });
  add('wildcard-partial-label', { ...served(partial, int), anchors: [root.pem], host: HOST });

  const ipLeaf = await leafOf(int, { dns: [HOST], ips: ['127.0.0.1'] });
  add('ip-san', { ...served(ipLeaf, int), anchors: [root.pem], host: '127.0.0.1' });
  add('ip-missing', { ...served(leaf, int), anchors: [root.pem], host: '127.0.0.1' });

  add('eku-missing', { ...served(await leafOf(int, { eku: [EKU_CLIENT] }), int), anchors: [root.pem], host: HOST });
  const codeSigningInt = await issue({
    subject: 'CN=Contoso Code Signing CA, O=Contoso',
    issuer: root,
    eku: [EKU_CODE_SIGNING],
  });
  add('eku-nested-wrong', {
    ...served(await leafOf(codeSigningInt), codeSigningInt),
    anchors: [root.pem],
    host: HOST,
  });
  const serverInt = await issue({ subject: 'CN=Contoso TLS CA, O=Contoso', issuer: root, eku: [EKU_SERVER] });
  add('eku-nested-ok', { ...served(await leafOf(serverInt), serverInt), anchors: [root.pem], host: HOST });
  add('eku-client-purpose', {
    ...served(await leafOf(int, { eku: [EKU_CLIENT] }), int),
    anchors: [root.pem],
    purpose: 'client',
  });

  const pathRoot = await issue({ subject: 'CN=Contoso Path Root, O=Contoso', pathLength: 0 });
  const pathInt = await issue({ subject: 'CN=Contoso Path Issuing CA, O=Contoso', issuer: pathRoot });
  add('path-length-exceeded', { ...served(await leafOf(pathInt), pathInt), anchors: [pathRoot.pem], host: HOST });

  const constrained = await issue({
    subject: 'CN=Contoso Constrained CA, O=Contoso',
    issuer: root,
    extraExtensions: [nameConstraints([{ dns: '.contoso.com' }, { ip: '10.0.0.0', mask: '255.0.0.0' }])],
  });
  add('name-constraint-ok', {
    ...served(await leafOf(constrained), constrained),
    anchors: [root.pem],
    host: HOST,
  });
  add('name-constraint-dns', {
    ...served(
      await leafOf(constrained, { subject: 'CN=registry.fabrikam.com', dns: ['registry.fabrikam.com'] }),
      constrained,
    ),
    anchors: [root.pem],
    host: 'registry.fabrikam.com',
  });
  add('name-constraint-ip', {
    ...served(await leafOf(constrained, { ips: ['127.0.0.1'] }), constrained),
    anchors: [root.pem],
    host: HOST,
  });
  const excluding = await issue({
    subject: 'CN=Contoso Excluding CA, O=Contoso',
    issuer: root,
    extraExtensions: [nameConstraints([], [{ dns: 'internal.contoso.com' }])],
  });
  add('name-constraint-excluded', {
    ...served(
      await leafOf(excluding, { subject: 'CN=db.internal.contoso.com', dns: ['db.internal.contoso.com'] }),
      excluding,
    ),
    anchors: [root.pem],
    host: 'db.internal.contoso.com',
  });

  const sha1Int = await issue({ subject: 'CN=Contoso Legacy CA, O=Contoso', issuer: root, hash: 'SHA-1' });
  add('sha1-intermediate', { ...served(await leafOf(sha1Int), sha1Int), anchors: [root.pem], host: HOST });

  add('unknown-critical-extension-leaf', {
    ...served(await leafOf(int, { extraExtensions: [unknownCriticalExtension()] }), int),
    anchors: [root.pem],
    host: HOST,
  });
  const criticalInt = await issue({
    subject: 'CN=Contoso Policy CA, O=Contoso',
    issuer: root,
    extraExtensions: [unknownCriticalExtension()],
  });
  add('unknown-critical-extension-intermediate', {
    ...served(await leafOf(criticalInt), criticalInt),
    anchors: [root.pem],
    host: HOST,
  });

  const notCa = await issue({ subject: 'CN=Contoso Not A CA, O=Contoso', issuer: root, ca: false });
  add('intermediate-not-a-ca', { ...served(await leafOf(notCa), notCa), anchors: [root.pem], host: HOST });
  const noCertSign = await issue({
    subject: 'CN=Contoso No CertSign CA, O=Contoso',
    issuer: root,
    keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.cRLSign,
  });
  add('intermediate-without-keycertsign', {
    ...served(await leafOf(noCertSign), noCertSign),
    anchors: [root.pem],
    host: HOST,
  });
  const impostor = await issue({ subject: 'CN=Contoso Issuing CA 2, O=Contoso', issuer: root });
  add('wrong-intermediate-same-name', { ...served(leaf, impostor), anchors: [root.pem], host: HOST });

  const smallInt = await issue({ subject: 'CN=Contoso Small Key CA, O=Contoso', issuer: root, rsaBits: 768 });
  add('rsa-key-too-small', { ...served(await leafOf(smallInt), smallInt), anchors: [root.pem], host: HOST });

  add('max-depth', { ...served(leaf, int), anchors: [root.pem], host: HOST, maxDepth: 2 });

  // Cross-signing: "Contoso Root G2" exists self-signed (expired in the bundle) and cross-signed by the old
  // root (valid). The issuing CA chains to G2 either way; only the cross-signed path is valid.
  const g2Keys = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const g2Name = 'CN=Contoso Root G2, O=Contoso';
  const g2Expired = await issue({ subject: g2Name, keys: g2Keys, notBefore: past(800), notAfter: past(10) });
  const g2Cross = await issue({ subject: g2Name, keys: g2Keys, issuer: root });
  const g2Int = await issue({ subject: 'CN=Contoso Issuing CA G2, O=Contoso', issuer: g2Expired });
  const g2Leaf = await leafOf(g2Int);
  add('cross-signed-only-cross-path-valid', {
    ...served(g2Leaf, g2Int, g2Cross),
    anchors: [g2Expired.pem, root.pem],
    host: HOST,
  });
  // The other way round (the Let's Encrypt 2021 case): the new root is trusted and valid, the server still
  // sends the expired cross-certificate to the old root.
  const g3Keys = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const g3Name = 'CN=Contoso Root G3, O=Contoso';
  const g3Root = await issue({ subject: g3Name, keys: g3Keys });
  const g3CrossExpired = await issue({
    subject: g3Name,
    keys: g3Keys,
    issuer: root,
    notBefore: past(400),
    notAfter: past(3),
  });
  const g3Int = await issue({ subject: 'CN=Contoso Issuing CA G3, O=Contoso', issuer: g3Root });
  add('cross-signed-expired-cross-cert-sent', {
    ...served(await leafOf(g3Int), g3Int, g3CrossExpired),
    anchors: [g3Root.pem, root.pem],
    host: HOST,
  });
  add('cross-signed-both-paths-fail', {
    ...served(g2Leaf, g2Int),
    anchors: [g2Expired.pem],
    host: HOST,
  });
  return scenarios;
}
