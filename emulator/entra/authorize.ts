/**
 * GET/POST /{tenant}/oauth2/v2.0/authorize: validates the client and redirect URI first (errors there are pages,
 * never redirects), then the rest (errors there go back to the app as OAuth errors), then signs in silently from
 * the browser session or shows the persona picker. Answers with a one-time code, state and client_info.
 */
import type { Context, Hono } from 'hono';
import { PERSONAS, findPersona, type Persona } from '../directory';
import { clientInfo, resolveAuthorityTenant, splitScopes, tenantNotFoundMessage, tokenTenantId } from '../identity';
import { badRedirectUriMessage, isKnownClient, parseLoopbackRedirectUri, unknownClientMessage } from './clients';
import { requestOrigin, type EntraDeps } from './context';
import { errorPage, pickerPage } from './pages';
import { satisfy, silentRefusal } from './interaction';
import { personaForHint, silentPersona } from './personas';
import type { AuthorizationRequest, EntraState } from './requests';
import { redirectError, redirectWith } from './respond';
import { authorizeQuerySchema, authorizeTargetSchema, firstIssue, pickerFormSchema } from './schemas';
import { readSession, signIn } from './session';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function htmlError(c: Context, title: string, message: string, status: 400 | 404 = 400): Response {
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-store');
  return c.html(errorPage(title, message), status);
}

type Parsed = { ok: true; request: AuthorizationRequest } | { ok: false; response: Response };

function parseAuthorize(c: Context, deps: EntraDeps, query: Record<string, string>): Parsed {
  const tenantSegment = c.req.param('tenant') ?? '';
  const authority = resolveAuthorityTenant(tenantSegment);
  if (!authority)
    return { ok: false, response: htmlError(c, 'Tenant not found', tenantNotFoundMessage(tenantSegment)) };
  const target = authorizeTargetSchema.safeParse(query);
  const clientId = target.success ? target.data.client_id : undefined;
  if (!isKnownClient(clientId))
    return { ok: false, response: htmlError(c, 'Unknown application', unknownClientMessage(clientId)) };
  const redirectUri = target.success ? target.data.redirect_uri : undefined;
  if (!parseLoopbackRedirectUri(redirectUri)) {
    return { ok: false, response: htmlError(c, 'Redirect URI not allowed', badRedirectUriMessage(redirectUri)) };
  }
  const back = {
    redirectUri: redirectUri!,
    responseMode: target.data?.response_mode ?? 'query',
    state: target.data?.state,
  };
  const parsed = authorizeQuerySchema.safeParse(query);
  if (!parsed.success) {
    return {
      ok: false,
      response: redirectError(c, back, 'invalid_request', `AADSTS900144: ${firstIssue(parsed.error).message}`),
    };
  }
  const q = parsed.data;
  if (q.response_type !== 'code') {
    const message = `AADSTS700054: response_type '${q.response_type}' is not supported by the emulator; use 'code' with PKCE.`;
    return { ok: false, response: redirectError(c, back, 'unsupported_response_type', message) };
  }
  if (!q.code_challenge) {
    const message =
      'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.';
    return { ok: false, response: redirectError(c, back, 'invalid_request', message) };
  }
  if (q.code_challenge_method !== 'S256') {
    const message = `AADSTS501491: Invalid code_challenge_method '${q.code_challenge_method ?? ''}'; the emulator requires S256.`;
    return { ok: false, response: redirectError(c, back, 'invalid_request', message) };
  }
  return {
    ok: true,
    request: {
      authority,
      origin: requestOrigin(c, deps),
      clientId: q.client_id.toLowerCase(),
      redirectUri: q.redirect_uri,
      responseMode: back.responseMode,
      state: q.state,
      nonce: q.nonce,
      scopes: splitScopes(q.scope),
      codeChallenge: q.code_challenge,
      loginHint: q.login_hint,
    },
  };
}

function issueCode(c: Context, state: EntraState, request: AuthorizationRequest, persona: Persona): Response {
  const tenantId = tokenTenantId(request.authority, persona);
  const code = state.codes.add({ request, personaId: persona.id, tenantId });
  return redirectWith(c, request.redirectUri, request.responseMode, {
    code,
    client_info: clientInfo(persona),
    state: request.state,
  });
}

function showPicker(c: Context, state: EntraState, request: AuthorizationRequest): Response {
  const transaction = state.pending.add(request);
  const tenantLabel = request.authority.kind === 'tenant' ? request.authority.tenant.displayName : 'your organization';
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-store');
  return c.html(
    pickerPage({
      transaction,
      action: c.req.path,
      personas: PERSONAS,
      tenantLabel,
      preselectedId: personaForHint(request.loginHint)?.id,
    }),
  );
}

export function mountAuthorize(app: Hono, deps: EntraDeps, state: EntraState): void {
  app.get('/:tenant/oauth2/v2.0/authorize', (c) => {
    const parsed = parseAuthorize(c, deps, c.req.query());
    if (!parsed.ok) return parsed.response;
    const request = parsed.request;
    const prompt = c.req.query('prompt');
    const session = readSession(c, state);
    const refusal = (persona: Persona) =>
      silentRefusal(state.interaction, persona.id, tokenTenantId(request.authority, persona), request.clientId);
    if (prompt === 'none') {
      const persona = silentPersona(session, request.loginHint);
      const refused = persona && refusal(persona);
      if (refused) return redirectError(c, request, refused.authorizeError, refused.description);
      if (persona) return issueCode(c, state, request, persona);
      const message = session
        ? 'AADSTS50058: A silent sign-in request was sent but none of the currently signed in user(s) match the requested login hint.'
        : 'AADSTS50058: A silent sign-in request was sent but no user is signed in.';
      return redirectError(c, request, 'login_required', message);
    }
    if (prompt === undefined) {
      // Single sign-on from the session, unless the tenant asks for MFA or consent: then the user interacts (the
      // picker stands in for Entra's MFA and consent pages).
      const persona = silentPersona(session, request.loginHint);
      if (persona && !refusal(persona)) return issueCode(c, state, request, persona);
    }
    return showPicker(c, state, request);
  });

  app.post('/:tenant/oauth2/v2.0/authorize', async (c) => {
    const body = await c.req.parseBody().catch(() => ({}));
    const form = pickerFormSchema.safeParse(body);
    const request = form.success ? state.pending.take(form.data.transaction) : undefined;
    if (!form.success || !request) {
      return htmlError(
        c,
        'Sign-in expired',
        'This sign-in page is no longer valid. Go back to the application and sign in again.',
      );
    }
    if (form.data.action === 'cancel') {
      return redirectError(c, request, 'access_denied', 'AADSTS65004: User declined to consent to access the app.', {
        error_subcode: 'cancel',
      });
    }
    const persona = findPersona(form.data.persona ?? '');
    if (!persona) return showPicker(c, state, request);
    signIn(c, state, persona);
    satisfy(state.interaction, persona.id, tokenTenantId(request.authority, persona));
    return issueCode(c, state, request, persona);
  });
}
