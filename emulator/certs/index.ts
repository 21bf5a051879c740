export {
  createCertificateAuthority,
  issueCertificate,
  loadCertificateAuthority,
  parseCertificate,
  type CertificateAuthority,
  type CertificateOptions,
  type ExtendedKeyUsageName,
  type IssuedCertificate,
  type KeyAlgorithm,
  type KeyUsageName,
} from './x509';
export { writePrivateFile, writePublicFile } from './files';
