/** The waves settings of a fleet rollout, as the rollout page's URL carries them (no secrets, short). */
export interface WaveSettingsValue {
  /** Cluster ids of the canary wave; empty = the first cluster to apply. */
  canary: string[];
  waveSize: number;
  parallel: number;
  soakSeconds: number;
}

export const DEFAULT_WAVES: WaveSettingsValue = { canary: [], waveSize: 5, parallel: 2, soakSeconds: 0 };

const int = (value: string | null, fallback: number, min: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export function wavesFromParams(params: URLSearchParams): WaveSettingsValue {
  return {
    canary: params.getAll('canary').filter(Boolean),
    waveSize: int(params.get('waveSize'), DEFAULT_WAVES.waveSize, 1, 1000),
    parallel: int(params.get('parallel'), DEFAULT_WAVES.parallel, 1, 100),
    soakSeconds: int(params.get('soak'), DEFAULT_WAVES.soakSeconds, 0, 86_400),
  };
}

export function wavesToParams(planId: string, waves: WaveSettingsValue): URLSearchParams {
  const params = new URLSearchParams({ id: planId });
  for (const id of waves.canary) params.append('canary', id);
  params.set('waveSize', String(waves.waveSize));
  params.set('parallel', String(waves.parallel));
  params.set('soak', String(waves.soakSeconds));
  return params;
}
