/**
 * Runs in the browser before the app's code. zod (v4) probes `new Function('')` to decide whether it may compile
 * parsers; under our CSP (no 'unsafe-eval') the probe is refused and reported as a violation, even though zod
 * catches it. `jitless` makes zod skip the probe. Set on zod's global config object without importing zod (which
 * reads it from globalThis when it loads), so this file adds nothing to any page's download.
 */
const holder = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
