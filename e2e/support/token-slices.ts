/** Finds slices of issued tokens in captured text: any 16 characters in a row of a JWT's payload or signature. */
export const SLICE = 16;

/** The secret parts of a token: a JWT's payload and signature segments, or the whole of an opaque token. */
export function secretSegments(token: string): string[] {
  const parts = token.split('.');
  return (parts.length === 3 ? parts.slice(1) : [token]).filter((part) => part.length >= SLICE);
}

/** Every slice of `text` of SLICE characters, as a set (so each token slice is one lookup). */
export function slicesOf(text: string): Set<string> {
  const slices = new Set<string>();
  for (let i = 0; i + SLICE <= text.length; i++) slices.add(text.slice(i, i + SLICE));
  return slices;
}

/** The first slice of any token that `text` contains, or undefined. */
export function leakedSlice(tokens: Iterable<string>, textSlices: Set<string>): string | undefined {
  for (const token of tokens)
    for (const segment of secretSegments(token))
      for (let i = 0; i + SLICE <= segment.length; i++) {
        const slice = segment.slice(i, i + SLICE);
        if (textSlices.has(slice)) return slice;
      }
  return undefined;
}
