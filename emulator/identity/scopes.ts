/**
 * Scope arithmetic as Entra v2.0 does it: OIDC scopes are not resource scopes; the access token's audience is the
 * first resource scope minus its last segment; `scp` lists the scope names.
 */
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
export const GRAPH_AUDIENCE = '00000003-0000-0000-c000-000000000000';
const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/User.Read';
const GRAPH_RESOURCES = new Set(['https://graph.microsoft.com', GRAPH_AUDIENCE]);

export interface ResourceGrant {
  /** The `aud` claim. */
  audience: string;
  /** The `scp` claim: scope names, space-joined. */
  scp: string;
  /** The token response's `scope`: resource scopes only. */
  responseScope: string;
}

export function splitScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

export function resourceScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
}

function splitResourceScope(scope: string): { resource: string; name: string } {
  const cut = scope.lastIndexOf('/');
  if (cut <= 0 || !scope.includes('://')) return { resource: scope, name: scope };
  return { resource: scope.slice(0, cut), name: scope.slice(cut + 1) };
}

/** The grant for the first resource's scopes; Microsoft Graph User.Read when only OIDC scopes were asked for. */
export function resourceGrant(scopes: string[]): ResourceGrant {
  const requested = resourceScopes(scopes);
  const first = requested[0] ?? GRAPH_DEFAULT_SCOPE;
  const { resource } = splitResourceScope(first);
  const sameResource = (requested.length > 0 ? requested : [first]).filter(
    (s) => splitResourceScope(s).resource === resource,
  );
  // `.default` means "what the app was granted": user_impersonation for ARM-like resources.
  const names = [
    ...new Set(
      sameResource.map((s) => splitResourceScope(s).name).map((n) => (n === '.default' ? 'user_impersonation' : n)),
    ),
  ];
  // Entra names Microsoft Graph by its app id in `aud`; other resources by their URI.
  const audience = requested.length === 0 || GRAPH_RESOURCES.has(resource.toLowerCase()) ? GRAPH_AUDIENCE : resource;
  return {
    audience,
    scp: names.join(' '),
    responseScope: names.map((n) => `${resource}/${n}`).join(' '),
  };
}
