/**
 * Text that comes from a certificate (names, DNs): hostile input. Isolated from the surrounding text's direction
 * (`<bdi>`), wrapped anywhere so a long name cannot widen the page, and with control and direction-override
 * characters shown as visible escapes. Every fleet view renders certificate text through this one component.
 * (The "display" stream's components/ui/CertText.tsx is meant to replace it once merged.)
 */
// Control characters (C0, DEL, C1) and the invisible direction controls (LRM/RLM/ALM, embeddings, overrides, isolates).
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(HIDDEN, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function CaText({ text, className = '' }: { text: string; className?: string }) {
  return (
    <bdi dir="auto" className={`[overflow-wrap:anywhere] ${className}`}>
      {visibleControls(text)}
    </bdi>
  );
}
