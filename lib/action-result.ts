/** What every server action returns: never a thrown error or a stack trace. */
export interface ActionError {
  code: string;
  message: string;
  status?: number;
  target?: string;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const succeed = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const fail = (error: ActionError): ActionResult<never> => ({ ok: false, error });
