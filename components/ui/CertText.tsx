import { certText, CERT_TEXT_MAX } from './cert-text';

/**
 * Text that came from a certificate or a file name. It is isolated (`<bdi dir="auto">`), so a right-to-left
 * name or a bidi override can never reorder the text around it; control and format characters are shown as
 * `\u202E`; it wraps anywhere; past `max` characters it is cut with an ellipsis, the whole value in the title.
 */
export function CertText({
  value,
  max = CERT_TEXT_MAX,
  className = '',
  testId = 'cert-text',
}: {
  value: string;
  max?: number;
  className?: string;
  testId?: string;
}) {
  const { shown, full, cut } = certText(value, max);
  return (
    <bdi
      dir="auto"
      className={`[overflow-wrap:anywhere] ${className}`}
      title={cut ? full : undefined}
      data-testid={testId}
      data-cut={cut ? 'true' : undefined}
    >
      {shown}
    </bdi>
  );
}
