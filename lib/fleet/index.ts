/** lib/fleet: the pure fleet model (CA index, scopes, search, expiry windows, who trusts, exports) shared by the web pages and `ca-trust fleet`. No React, no lib/azure. */
export type { FleetCa, FleetCertificate, FleetCluster, FleetClusterRef, FleetScope } from './types';
export {
  buildCaIndex,
  clusterRef,
  compareClusters,
  daysLeft,
  findCa,
  keyDescription,
  toFleetCluster,
  type FleetClusterInput,
} from './ca-index';
export { inScope, scopeFromParams, scopeToParams, trustInScope } from './scope';
export { normalizeHex, normalizeSha256, searchCas, type CaMatch, type MatchKind } from './search';
export { DEFAULT_EXPIRY_WINDOW, EXPIRY_WINDOWS, MAX_EXPIRY_WINDOW, expiringWithin, parseWindowDays } from './expiring';
export { EXPORT_COLUMNS, caIndexRows, csvField, inventoryRows, toCsv, toJson, type FleetExportRow } from './export';
export { whoTrusts, type TrustAnswer } from './who-trusts';
