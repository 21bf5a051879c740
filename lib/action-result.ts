import { forCaller, type ActionErrorCode } from './action-errors';

export type { ActionErrorCode, RetryClass } from './action-errors';

/** What every server action returns: never a thrown error or a stack trace. */
export interface ActionError {
  /** From the registry in lib/action-errors.ts (its retry class, who may read the message). */
  code: ActionErrorCode;
  message: string;
  /** ARM's own error code, when ARM answered with one (e.g. `InvalidParameter`). */
  armCode?: string;
  status?: number;
  target?: string;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const succeed = <T>(data: T): ActionResult<T> => ({ ok: true, data });
/** A failed result; a message not meant for the caller (the code's audience is `generic`) is replaced here. */
export const fail = (error: ActionError): ActionResult<never> => ({ ok: false, error: forCaller(error) });
