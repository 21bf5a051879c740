/**
 * The certificate PEM blocks in any text, in order: a pasted chain, a file, or the whole output of
 * `openssl s_client -showcerts -connect host:443` (its depth lines, session details and everything else
 * outside the blocks are ignored). Each block is returned as `-----BEGIN CERTIFICATE-----` … with LF
 * line endings; blocks whose base64 is damaged are still returned (the engine reports them unreadable).
 */
export function pemBlocksOf(text: string): string[] {
  const blocks: string[] = [];
  const pattern =
    /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;
  for (const match of text.matchAll(pattern)) {
    const body = match[1]!.replace(/[^A-Za-z0-9+/=]/g, '');
    const lines = body.match(/.{1,64}/g) ?? [];
    blocks.push(`-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`);
  }
  return blocks;
}
