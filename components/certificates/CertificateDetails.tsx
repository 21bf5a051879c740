import type { ReactNode } from 'react';
import type { CertificateInfo } from '@/lib/pki';
import { CertText } from '@/components/ui/CertText';
import { colonHex, criticalText, publicKeyText } from './format';

function Row({ term, children, mono = false }: { term: string; children: ReactNode; mono?: boolean }) {
  return (
    <>
      <dt className="font-medium text-slate-700 dark:text-slate-300">{term}</dt>
      <dd className={`min-w-0 [overflow-wrap:anywhere] ${mono ? 'font-mono text-xs' : ''}`}>{children}</dd>
    </>
  );
}

/** Fields 4-8 of ux.md's card, in that order: names, constraints and usages, key identifiers, algorithms, serial. */
export function CertificateDetails({ certificate }: { certificate: CertificateInfo }) {
  const { basicConstraints, nameConstraints } = certificate;
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      <Row term="Subject">{certificate.subject ? <CertText value={certificate.subject} max={400} /> : '(empty)'}</Row>
      <Row term="Issuer">{certificate.issuer ? <CertText value={certificate.issuer} max={400} /> : '(empty)'}</Row>
      <Row term="Basic constraints">
        {basicConstraints.present
          ? `CA: ${basicConstraints.cA ? 'yes' : 'no'}${basicConstraints.pathLength !== null ? `, path length ${basicConstraints.pathLength}` : ''} (${criticalText(basicConstraints.critical)})`
          : 'absent'}
      </Row>
      <Row term="Key usage">
        {certificate.keyUsage.length > 0
          ? `${certificate.keyUsage.join(', ')} (${criticalText(certificate.keyUsageCritical)})`
          : 'absent'}
      </Row>
      {certificate.extendedKeyUsage.length > 0 && (
        <Row term="Extended key usage">{certificate.extendedKeyUsage.join(', ')}</Row>
      )}
      <Row term="Subject key ID" mono>
        {certificate.subjectKeyIdentifier ? colonHex(certificate.subjectKeyIdentifier) : 'absent'}
      </Row>
      <Row term="Authority key ID" mono>
        {certificate.authorityKeyIdentifier ? colonHex(certificate.authorityKeyIdentifier) : 'absent'}
      </Row>
      <Row term="Public key">{publicKeyText(certificate.publicKey)}</Row>
      <Row term="Signature algorithm">{certificate.signatureAlgorithm}</Row>
      {nameConstraints && (
        <Row term="Name constraints">
          {nameConstraints.permitted.length > 0 && (
            <>
              permitted: <CertText value={nameConstraints.permitted.join(', ')} max={400} />
            </>
          )}
          {nameConstraints.permitted.length > 0 && nameConstraints.excluded.length > 0 && '; '}
          {nameConstraints.excluded.length > 0 && (
            <>
              excluded: <CertText value={nameConstraints.excluded.join(', ')} max={400} />
            </>
          )}{' '}
          ({criticalText(nameConstraints.critical)})
        </Row>
      )}
      <Row term="Serial number" mono>
        {colonHex(certificate.serialNumber)}
      </Row>
      <Row term="Version">v{certificate.version}</Row>
      <Row term="SHA-1 (legacy)" mono>
        {colonHex(certificate.sha1)}
      </Row>
    </dl>
  );
}
