/**
 * Finds the custom CA entries in JSON that users already hold: a bare array of base64 strings,
 * `az aks show` output (`securityProfile.customCaTrustCertificates`) or an ARM cluster resource
 * (`properties.securityProfile.customCATrustCertificates`). Returns null when the text is none of these.
 */
export function entriesFromJson(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return null;
  }
  return findEntries(value);
}

function findEntries(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? (value as string[]) : null;
  if (!isRecord(value)) return null;
  const securityProfile = isRecord(value.properties) ? value.properties.securityProfile : value.securityProfile;
  if (!isRecord(securityProfile)) return isRecord(value.properties) || 'securityProfile' in value ? [] : null;
  const entries = securityProfile.customCATrustCertificates ?? securityProfile.customCaTrustCertificates ?? [];
  return Array.isArray(entries) && entries.every((item) => typeof item === 'string') ? entries : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
