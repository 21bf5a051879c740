/** zod schemas for every Entra input: authorize query, picker form, token form, logout query. */
import { z } from 'zod';

const text = (max = 2048) => z.string().max(max);

export const promptSchema = z.enum(['none', 'login', 'select_account', 'consent', 'create']);

/** The parameters that decide where errors may be sent; checked before anything else. */
export const authorizeTargetSchema = z.object({
  client_id: text(200).optional(),
  redirect_uri: text().optional(),
  response_mode: z.enum(['query', 'fragment', 'form_post']).optional(),
  state: text(4096).optional(),
});

export const authorizeQuerySchema = z
  .object({
    client_id: text(200),
    redirect_uri: text(),
    response_type: text(100),
    scope: text(4096).default('openid profile'),
    response_mode: z.enum(['query', 'fragment', 'form_post']).optional(),
    state: text(4096).optional(),
    nonce: text(1024).optional(),
    code_challenge: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'code_challenge must be base64url of a SHA-256 digest (43 characters)')
      .optional(),
    code_challenge_method: text(20).optional(),
    prompt: promptSchema.optional(),
    login_hint: text(512).optional(),
    sid: text(512).optional(),
    domain_hint: text(512).optional(),
  })
  .loose();

export type AuthorizeQuery = z.infer<typeof authorizeQuerySchema>;

export const pickerFormSchema = z.object({
  transaction: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  persona: text(100).optional(),
  action: z.enum(['continue', 'cancel']).default('continue'),
});

export const grantTypeSchema = z.object({ grant_type: text(200).optional() }).loose();

export const authorizationCodeGrantSchema = z
  .object({
    grant_type: z.literal('authorization_code'),
    client_id: text(200),
    code: text(200),
    redirect_uri: text(),
    code_verifier: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'code_verifier must be 43-128 characters of [A-Za-z0-9._~-]')
      .optional(),
    scope: text(4096).optional(),
  })
  .loose();

export const refreshTokenGrantSchema = z
  .object({
    grant_type: z.literal('refresh_token'),
    client_id: text(200),
    refresh_token: text(200),
    scope: text(4096).optional(),
  })
  .loose();

export const logoutQuerySchema = z
  .object({
    post_logout_redirect_uri: text().optional(),
    client_id: text(200).optional(),
    state: text(4096).optional(),
  })
  .loose();

/** "client_id: Invalid input" style summary of the first problem, naming the parameter. */
export function firstIssue(error: z.ZodError): { parameter: string; message: string } {
  const issue = error.issues[0];
  const parameter = issue?.path.join('.') || 'request';
  if (issue?.code === 'invalid_type' && issue.input === undefined) {
    return { parameter, message: `The request must contain the parameter '${parameter}'.` };
  }
  return { parameter, message: `The parameter '${parameter}' is invalid: ${issue?.message ?? 'invalid value'}.` };
}
