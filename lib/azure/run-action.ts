import 'server-only';
import { z } from 'zod';
import { fail, succeed, type ActionError, type ActionResult } from '../action-result';
import { getConfig } from '../config';
import { armClients, type ArmClients } from './clients';
import { toArmActionError } from './arm-errors';
import { ArmResponseError } from './models';

/** Thrown inside an action's body to answer with a specific ActionError (e.g. a refused proposal). */
export class ActionFailure extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

/** An ARM bearer token as the browser hands it over: a JWT, bounded in size. Never logged or returned. */
export const bearerTokenSchema = z
  .string({ error: 'Sign in first: no ARM token was sent.' })
  .max(16_384, 'The ARM token is too long.')
  .regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'The ARM token is not a JWT. Sign in again.');

/**
 * The body of every ARM server action: validate the arguments, build per-request clients around the caller's
 * token, run, and map any failure to an ActionError. Never throws, never returns a stack trace.
 */
export async function runArmAction<S extends z.ZodType, T>(
  token: unknown,
  argumentsSchema: S,
  args: unknown,
  run: (clients: ArmClients, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsedToken = bearerTokenSchema.safeParse(token);
  if (!parsedToken.success)
    return fail({ code: 'SignInRequired', status: 401, message: parsedToken.error.issues[0]!.message });
  const parsedArgs = argumentsSchema.safeParse(args);
  if (!parsedArgs.success) {
    const issue = parsedArgs.error.issues[0]!;
    return fail({ code: 'InvalidArgument', message: issue.message, target: issue.path.join('.') || undefined });
  }
  try {
    return succeed(await run(armClients(parsedToken.data), parsedArgs.data));
  } catch (error) {
    if (error instanceof ActionFailure) return fail(error.error);
    if (error instanceof ArmResponseError) return fail({ code: error.code, message: error.message });
    return fail(toArmActionError(error, getConfig().armEndpoint));
  }
}
