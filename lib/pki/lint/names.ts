import { hasInvisibleCharacters, visibleText } from '../visible-text';
import { findingFor, named, type CertificateRule } from './rule';

const MAX_LISTED = 6;

/** The distinct escaped characters of a text, as visibleText shows them (`\u202E`). */
function escapedCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const match of visibleText(text).matchAll(/\\u\{[0-9A-F]+\}|\\u[0-9A-F]{4}/g)) {
    if (!text.includes(match[0])) found.add(match[0]); // a literal backslash-u already in the text is not one
    if (found.size > MAX_LISTED) break;
  }
  return [...found];
}

/**
 * Names that hold control characters, format characters (bidi embeddings, overrides and isolates, zero-width
 * characters) or invisible ones can show as another name, or reorder the text around them. A warning, shown
 * with the escaped characters only; the name itself is shown escaped everywhere (visibleText).
 */
export const nameRules: CertificateRule = (certificate) => {
  const places: [string, string][] = [
    ['subject', certificate.subject],
    ['issuer', certificate.issuer],
    ['subjectAltName', certificate.subjectAltNames.join(' ')],
  ];
  const flagged = places.filter(([, text]) => hasInvisibleCharacters(text));
  if (flagged.length === 0) return [];
  const characters = [...new Set(flagged.flatMap(([, text]) => escapedCharacters(text)))];
  const listed = characters.slice(0, MAX_LISTED).join(', ') + (characters.length > MAX_LISTED ? ', …' : '');
  return [
    findingFor(
      certificate,
      'name-has-control-characters',
      'warning',
      `${named(certificate)} has control, bidirectional or invisible characters in its ${flagged.map(([where]) => where).join(' and ')} (${listed}); they can make a name look like another, so check that this is the CA you expect.`,
    ),
  ];
};
