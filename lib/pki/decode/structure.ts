import {
  BIT_STRING,
  BOOLEAN,
  INTEGER,
  OBJECT_IDENTIFIER,
  OCTET_STRING,
  SEQUENCE,
  readChildren,
  readTlv,
  type Tlv,
} from '../intake/der';

/**
 * The top-level fields of an X.509 certificate as slices of the DER it came from. Splitting the
 * structure here lets pkijs parse only the small parts we show (names, times, algorithm identifiers,
 * the extensions we read) instead of every node, which keeps a 150-certificate bundle fast.
 */
export interface CertificateStructure {
  tbs: Uint8Array;
  /** 1, 2 or 3. */
  version: number;
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: { bytes: Uint8Array; tlv: Tlv };
  notAfter: { bytes: Uint8Array; tlv: Tlv };
  spki: Uint8Array;
  spkiAlgorithm: Uint8Array;
  /** The subjectPublicKey BIT STRING content without its unused-bits byte. */
  publicKey: Uint8Array;
  extensions: RawExtension[];
  signatureAlgorithm: Uint8Array;
  signatureValue: Uint8Array;
}

export interface RawExtension {
  /** DER content of the extnID OBJECT IDENTIFIER. */
  oid: Uint8Array;
  critical: boolean;
  /** Content of the extnValue OCTET STRING: the extension's own DER. */
  value: Uint8Array;
}

export class MalformedCertificateError extends Error {}

function fail(what: string): never {
  throw new MalformedCertificateError(what);
}

function expect(tlv: Tlv | null | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tag !== tag) fail(what);
  return tlv;
}

function children(der: Uint8Array, tlv: Tlv, what: string): Tlv[] {
  return readChildren(der, tlv) ?? fail(what);
}

export function splitCertificate(der: Uint8Array): CertificateStructure {
  const slice = (tlv: Tlv) => der.subarray(tlv.start, tlv.end);
  const content = (tlv: Tlv) => der.subarray(tlv.contentStart, tlv.end);
  const outer = readTlv(der, 0);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== der.length) fail('not a single DER SEQUENCE');
  const [tbs, signatureAlgorithm, signatureValue, ...extra] = children(der, outer, 'certificate');
  if (extra.length > 0) fail('certificate has extra fields');
  const tbsFields = children(der, expect(tbs, SEQUENCE, 'tbsCertificate'), 'tbsCertificate');
  let next = 0;
  let version = 1;
  if (tbsFields[0]?.tag === 0xa0) {
    const versionInteger = expect(readTlv(der, tbsFields[0].contentStart, tbsFields[0].end), INTEGER, 'version');
    version = (der[versionInteger.end - 1] ?? 0) + 1;
    next = 1;
  }
  const serial = expect(tbsFields[next], INTEGER, 'serialNumber');
  expect(tbsFields[next + 1], SEQUENCE, 'signature');
  const issuer = expect(tbsFields[next + 2], SEQUENCE, 'issuer');
  const validity = children(der, expect(tbsFields[next + 3], SEQUENCE, 'validity'), 'validity');
  const subject = expect(tbsFields[next + 4], SEQUENCE, 'subject');
  const spki = expect(tbsFields[next + 5], SEQUENCE, 'subjectPublicKeyInfo');
  const [spkiAlgorithm, publicKey] = children(der, spki, 'subjectPublicKeyInfo');
  const notBefore = validity[0] ?? fail('notBefore');
  const notAfter = validity[1] ?? fail('notAfter');
  const extensionsWrapper = tbsFields.slice(next + 6).find((field) => field.tag === 0xa3);
  return {
    tbs: slice(tbs!),
    version,
    serial: content(serial),
    issuer: slice(issuer),
    subject: slice(subject),
    notBefore: { bytes: der, tlv: notBefore },
    notAfter: { bytes: der, tlv: notAfter },
    spki: slice(spki),
    spkiAlgorithm: slice(expect(spkiAlgorithm, SEQUENCE, 'public key algorithm')),
    publicKey: content(expect(publicKey, BIT_STRING, 'public key')).subarray(1),
    extensions: extensionsWrapper ? readExtensionList(der, extensionsWrapper) : [],
    signatureAlgorithm: slice(expect(signatureAlgorithm, SEQUENCE, 'signatureAlgorithm')),
    signatureValue: content(expect(signatureValue, BIT_STRING, 'signatureValue')).subarray(1),
  };
}

function readExtensionList(der: Uint8Array, wrapper: Tlv): RawExtension[] {
  const list = expect(readTlv(der, wrapper.contentStart, wrapper.end), SEQUENCE, 'extensions');
  return children(der, list, 'extensions').map((extension) => {
    const [oid, second, third] = children(der, expect(extension, SEQUENCE, 'extension'), 'extension');
    const hasCritical = second?.tag === BOOLEAN;
    const value = expect(hasCritical ? third : second, OCTET_STRING, 'extnValue');
    return {
      oid: der.subarray(expect(oid, OBJECT_IDENTIFIER, 'extnID').contentStart, oid!.end),
      critical: hasCritical && der[second.contentStart] !== 0,
      value: der.subarray(value.contentStart, value.end),
    };
  });
}
