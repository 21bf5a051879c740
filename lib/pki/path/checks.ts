import { SIGNATURE_ALGORITHMS } from '../decode/oids';
import { verifySignature } from '../decode/verify';
import { checkNameConstraints } from './constraints';
import type { PathCertificate } from './model';

export type Role = 'leaf' | 'intermediate' | 'root';

export type ProblemId =
  | 'expired'
  | 'not-yet-valid'
  | 'unknown-critical-extension'
  | 'eku-missing'
  | 'eku-not-allowed-by-ca'
  | 'name-constraint-violated'
  | 'not-a-ca'
  | 'path-length-exceeded'
  | 'max-depth-exceeded'
  | 'issuer-key-usage'
  | 'md5-signature'
  | 'sha1-signature'
  | 'rsa-key-too-small'
  | 'signature-algorithm-unsupported'
  | 'signature-invalid';

export interface Problem {
  id: ProblemId;
  /** The certificate the rule failed on. */
  certificate: PathCertificate;
  role: Role;
  /** For signature problems: the certificate whose signature was checked (the child). */
  child?: PathCertificate;
  detail?: string;
}

export const EKU = {
  any: '2.5.29.37.0',
  server: '1.3.6.1.5.5.7.3.1',
  client: '1.3.6.1.5.5.7.3.2',
} as const;

export type Purpose = 'server' | 'client';

/** Go's minimum RSA size for signature verification (crypto/rsa, GODEBUG rsa1024min). */
export const MIN_RSA_BITS = 1024;

/**
 * Go's CheckSignatureFrom(parent) for `child`: the parent must be a CA (v3 without basicConstraints is not),
 * a parent keyUsage, when set, must include keyCertSign, MD5 and SHA-1 signatures are refused, RSA keys under
 * 1024 bits are refused, then the signature itself is checked with WebCrypto.
 */
export async function checkSignatureFrom(
  child: PathCertificate,
  parent: PathCertificate,
  parentRole: Role,
): Promise<Problem[]> {
  const problem = (id: ProblemId, detail?: string): Problem[] => [
    { id, certificate: parent, role: parentRole, child, detail },
  ];
  const constraints = parent.info.basicConstraints;
  if ((parent.info.version === 3 && !constraints.present) || (constraints.present && !constraints.cA))
    return problem('not-a-ca');
  if (parent.info.keyUsage.length > 0 && !parent.info.keyUsage.includes('keyCertSign'))
    return problem('issuer-key-usage');
  const algorithm = SIGNATURE_ALGORITHMS[child.signatureOid];
  if (algorithm?.hash === 'MD5' || algorithm?.hash === 'MD2')
    return [{ id: 'md5-signature', certificate: child, role: parentRole, child, detail: algorithm.name }];
  if (algorithm?.hash === 'SHA-1' && algorithm.family !== 'DSA')
    return [{ id: 'sha1-signature', certificate: child, role: parentRole, child, detail: algorithm.name }];
  const key = parent.info.publicKey;
  if ((key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') && (key.size ?? 0) < MIN_RSA_BITS)
    return problem('rsa-key-too-small', String(key.size ?? 0));
  if (!algorithm || algorithm.family === 'DSA' || algorithm.name === 'Ed448')
    return problem('signature-algorithm-unsupported', algorithm?.name ?? child.signatureOid);
  const valid = await verifySignature({
    signatureOid: child.signatureOid,
    signatureParams: child.signatureParams,
    spki: parent.parts.spki,
    publicKey: parent.parts.publicKey,
    curve: key.curve,
    tbs: child.parts.tbs,
    signature: child.parts.signatureValue,
  });
  if (valid === null) return problem('signature-algorithm-unsupported', algorithm.name);
  return valid ? [] : problem('signature-invalid');
}

export interface ValidityContext {
  at: number;
  purpose: Purpose;
  maxDepth: number | null;
}

/**
 * Go's isValid for `certificate` appended to `chain` (empty for the leaf): unhandled critical extensions,
 * validity period, extended key usage (every certificate that lists EKUs must list the purpose or any),
 * name constraints over the SANs below it, CA flag for intermediates and path length. All failing rules are
 * returned, where Go stops at the first.
 */
export function checkCertificate(
  certificate: PathCertificate,
  role: Role,
  chain: PathCertificate[],
  context: ValidityContext,
): Problem[] {
  const problems: Problem[] = [];
  const add = (id: ProblemId, detail?: string) => problems.push({ id, certificate, role, detail });
  if (certificate.unhandledCritical.length > 0)
    add('unknown-critical-extension', certificate.unhandledCritical.join(', '));
  if (context.at < certificate.notBefore) add('not-yet-valid');
  else if (context.at > certificate.notAfter) add('expired');
  const ekus = certificate.extKeyUsage;
  if (ekus.length > 0 && !ekus.includes(EKU.any) && !ekus.includes(EKU[context.purpose]))
    add(role === 'leaf' ? 'eku-missing' : 'eku-not-allowed-by-ca');
  if (role !== 'leaf') {
    const violation = checkNameConstraints(certificate, chain);
    if (violation) add('name-constraint-violated', violation.detail);
  }
  const constraints = certificate.info.basicConstraints;
  if (role === 'intermediate' && (!constraints.present || !constraints.cA)) add('not-a-ca');
  if (constraints.present && constraints.pathLength !== null && chain.length - 1 > constraints.pathLength)
    add('path-length-exceeded', `${chain.length - 1} > ${constraints.pathLength}`);
  if (context.maxDepth !== null && chain.length + 1 > context.maxDepth)
    add('max-depth-exceeded', String(context.maxDepth));
  return problems;
}
