export { loadOrCreateSigningKey, type SigningKey } from './signing-key';
export { TokenSigner, clientInfo, issuerFor, ACCESS_TOKEN_LIFETIME_SECONDS, type IssuedAccessToken } from './tokens';
export { createVerifyBearer, ARM_AUDIENCES } from './verify-bearer';
export {
  resolveAuthorityTenant,
  tokenTenantId,
  findTenant,
  tenantNotFoundMessage,
  type AuthorityTenant,
} from './tenancy';
export { resourceGrant, splitScopes, resourceScopes } from './scopes';
