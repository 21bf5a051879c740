/** The fleet runner (issue 12): one runner for the page and the CLI. */
export * from './types';
export { FleetConflict, FLEET_CONFLICT_CODE, isFleetConflict } from './conflict';
export { planWaves, clustersToApply } from './waves';
export { runFleetPlan, MAX_STATUS_ERRORS } from './run';
export { createRunControl, abortableSleep, type RunControlHandle } from './control';
export { fleetRunReport, runExitCode } from './report';
export { sameBundle, matchBundle, isOperationRunning } from './bundle-match';
