/**
 * The editor's state as plain data: the files and pasted text the user gave, and the certificates they took out
 * (by SHA-256, so it applies to the current bundle and to new input alike). Pure reducer, no React.
 */

export interface EditorSource {
  id: string;
  name: string;
  /** Text as given, or the bytes of a binary file (DER, PKCS#7). Never sent to the server. */
  content: string | Uint8Array;
}

export interface EditorState {
  files: EditorSource[];
  pasted: string;
  /**
   * Line endings the pasted text had on the clipboard before the textarea turned them into LF (it always does):
   * lib/pki is given the text with them again, so a paste gets the same line-ending finding as a file.
   */
  pastedLineEnding?: 'crlf' | 'cr';
  /** SHA-256 of certificates left out of the proposal, by where they come from: taking a current certificate out must not drop the same certificate added again from a file. */
  excluded: Record<CertificateOrigin, string[]>;
}

export type CertificateOrigin = 'current' | 'added';

export const PASTE_SOURCE_NAME = 'pasted text';

export const INITIAL_EDITOR_STATE: EditorState = { files: [], pasted: '', excluded: { current: [], added: [] } };

export type EditorAction =
  | { type: 'files-added'; files: EditorSource[] }
  | { type: 'file-removed'; id: string }
  | { type: 'paste-changed'; text: string; lineEnding?: 'crlf' | 'cr' }
  | { type: 'certificate-removed'; sha256: string; origin: CertificateOrigin }
  | { type: 'certificate-restored'; sha256: string; origin: CertificateOrigin }
  /** Replace the current bundle: leave out every current certificate, keep what was added. */
  | { type: 'current-replaced'; currentSha256: string[] }
  /** Back to the cluster's bundle as it is, with nothing added. */
  | { type: 'reset' };

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'files-added':
      return { ...state, files: [...state.files, ...action.files] };
    case 'file-removed':
      return { ...state, files: state.files.filter((file) => file.id !== action.id) };
    case 'paste-changed': {
      // Kept until the text is cleared: what was pasted is still in it.
      const lineEnding = action.text === '' ? undefined : (action.lineEnding ?? state.pastedLineEnding);
      return { ...state, pasted: action.text, pastedLineEnding: lineEnding };
    }
    case 'certificate-removed': {
      const list = state.excluded[action.origin];
      return list.includes(action.sha256)
        ? state
        : { ...state, excluded: { ...state.excluded, [action.origin]: [...list, action.sha256] } };
    }
    case 'certificate-restored':
      return {
        ...state,
        excluded: {
          ...state.excluded,
          [action.origin]: state.excluded[action.origin].filter((sha256) => sha256 !== action.sha256),
        },
      };
    case 'current-replaced':
      return {
        ...state,
        excluded: { ...state.excluded, current: [...new Set([...state.excluded.current, ...action.currentSha256])] },
      };
    case 'reset':
      return INITIAL_EDITOR_STATE;
  }
}

/** Everything the user gave, as lib/pki inputs: files first, then the pasted text. */
export function editorInputs(state: EditorState): { name: string; content: string | Uint8Array }[] {
  const inputs = state.files.map((file) => ({ name: file.name, content: file.content }));
  if (state.pasted.trim() !== '') inputs.push({ name: PASTE_SOURCE_NAME, content: withPastedLineEndings(state) });
  return inputs;
}

/** The pasted text with the line endings the clipboard had (the textarea's value holds LF only). */
function withPastedLineEndings(state: EditorState): string {
  if (state.pastedLineEnding === 'crlf') return state.pasted.replace(/\n/g, '\r\n');
  if (state.pastedLineEnding === 'cr') return state.pasted.replace(/\n/g, '\r');
  return state.pasted;
}
