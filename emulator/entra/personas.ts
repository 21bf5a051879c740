/** Finding a persona from a login_hint and choosing who a prompt=none or SSO request signs in as. */
import { PERSONAS, findPersona, type Persona } from '../directory';
import type { BrowserSession } from './requests';

/** A login_hint may be the persona id, the username (UPN) or the object id. */
export function personaForHint(hint: string | undefined): Persona | undefined {
  if (!hint) return undefined;
  const wanted = hint.trim().toLowerCase();
  return PERSONAS.find((p) => p.id === wanted || p.username.toLowerCase() === wanted || p.objectId === wanted);
}

/**
 * The signed-in persona a request may use without interaction: the hinted one if it is in the session; without a
 * hint, the only one in the session. Undefined when the user must interact.
 */
export function silentPersona(session: BrowserSession | undefined, hint: string | undefined): Persona | undefined {
  if (!session || session.personaIds.length === 0) return undefined;
  if (hint) {
    const hinted = personaForHint(hint);
    return hinted && session.personaIds.includes(hinted.id) ? hinted : undefined;
  }
  return session.personaIds.length === 1 ? findPersona(session.personaIds[0]!) : undefined;
}
