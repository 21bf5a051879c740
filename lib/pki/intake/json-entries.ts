/**
 * Finds the custom CA entries in JSON that users already hold: a bare array of base64 strings,
 * `az aks show` output (`securityProfile.customCaTrustCertificates`) or an ARM cluster resource
 * (`properties.securityProfile.customCATrustCertificates`). Returns null when the text is none of these.
 */
export function entriesFromJson(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return null;
  if (nestingDeeperThan(trimmed, MAX_JSON_DEPTH)) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return null;
  }
  return findEntries(value);
}

/** Real inputs nest a few levels; deeply nested noise would make JSON.parse slow, so it is not JSON to us. */
const MAX_JSON_DEPTH = 64;

function nestingDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i++; // backslash escapes the next character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > limit) return true;
    } else if (code === 93 || code === 125) depth--;
  }
  return false;
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
