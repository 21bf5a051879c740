/** Saves text or bytes as a file in the browser (no server round trip). */
export function downloadFile(fileName: string, content: string | Uint8Array, type: string): void {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The DER bytes inside a canonical PEM certificate. */
export function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(body), (character) => character.charCodeAt(0));
}

/** A file name from a certificate's display name: letters, digits, dot, dash and underscore only. */
export function safeFileName(name: string, extension: string): string {
  const base =
    name
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'certificate';
  return `${base}.${extension}`;
}
