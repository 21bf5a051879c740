/** The proposed bundle in the formats operators already hold (azure-facts §10). Pure. */
import { toAksPayload, toAzFile, toTerraformList, type CertificateInfo } from '../pki';

export interface BundleExports {
  /** For `az aks update --custom-ca-trust-certificates <file>`. */
  azFile: string;
  /** For terraform's `custom_ca_trust_certificates_base64`. */
  terraform: string;
  /** The ARM body fragment a PUT carries. */
  armJson: string;
}

export function bundleExports(certificates: Pick<CertificateInfo, 'pem'>[]): BundleExports {
  const { base64 } = toAksPayload(certificates);
  return {
    azFile: toAzFile(certificates),
    terraform: `custom_ca_trust_certificates_base64 = ${toTerraformList(base64)}`,
    armJson: JSON.stringify({ properties: { securityProfile: { customCATrustCertificates: base64 } } }, null, 2) + '\n',
  };
}
