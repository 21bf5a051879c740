/**
 * The look-alike's HTML: the persona picker (plain form and buttons: keyboard and screen-reader friendly), error
 * and signed-out pages, and the form_post response. Every value is HTML-escaped.
 */
import type { Persona } from '../directory';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { max-width: 34rem; width: 100%; padding: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  p.lead { margin: 0 0 1.5rem; }
  fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: .75rem; }
  legend { font-weight: 600; margin-bottom: .75rem; }
  button { font: inherit; text-align: left; padding: .75rem 1rem; border: 1px solid GrayText; border-radius: .5rem;
           background: Canvas; color: CanvasText; cursor: pointer; width: 100%; }
  button:hover { border-color: Highlight; }
  button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .name { display: block; font-weight: 600; }
  .meta { display: block; font-size: .9rem; }
  .secondary { text-align: center; margin-top: 1rem; }
  .note { font-size: .85rem; margin-top: 1.5rem; }
  code { overflow-wrap: anywhere; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export interface PickerPageInput {
  transaction: string;
  action: string;
  personas: Persona[];
  tenantLabel: string;
  preselectedId?: string;
}

export function pickerPage({ transaction, action, personas, tenantLabel, preselectedId }: PickerPageInput): string {
  const buttons = personas
    .map((p) => {
      const descId = `persona-${escapeHtml(p.id)}-desc`;
      const focus = p.id === (preselectedId ?? personas[0]?.id) ? ' autofocus' : '';
      return `<button type="submit" name="persona" value="${escapeHtml(p.id)}" aria-describedby="${descId}"${focus}>
  <span class="name">${escapeHtml(p.name)}</span>
  <span class="meta">${escapeHtml(p.username)}</span>
  <span class="meta" id="${descId}">${escapeHtml(p.description)}</span>
</button>`;
    })
    .join('\n');
  return layout(
    'Sign in - local Azure emulator',
    `<h1>Pick an account</h1>
<p class="lead">Local Azure emulator: sign in to ${escapeHtml(tenantLabel)} as one of these demo personas. No password is needed.</p>
<form method="post" action="${escapeHtml(action)}">
  <input type="hidden" name="transaction" value="${escapeHtml(transaction)}">
  <fieldset>
    <legend>Demo personas</legend>
    ${buttons}
  </fieldset>
  <button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>
<p class="note">This page is served by the emulator, not by Microsoft. Tokens it issues are trusted only by the emulator.</p>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}

export function signedOutPage(): string {
  return layout('Signed out - local Azure emulator', '<h1>You signed out</h1>\n<p>You can close this window.</p>');
}

/** response_mode=form_post: a form that posts the response to the redirect URI (script-free fallback button). */
export function formPostPage(action: string, fields: Record<string, string>, scriptNonce: string): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return layout(
    'Working...',
    `<form method="post" action="${escapeHtml(action)}" id="response">${inputs}<button type="submit">Continue</button></form>
<script nonce="${escapeHtml(scriptNonce)}">document.getElementById('response').submit();</script>`,
  );
}
