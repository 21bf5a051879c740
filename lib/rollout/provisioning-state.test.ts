import { describe, expect, it } from 'vitest';
import {
  acceptsWrite,
  isBusyState,
  isCancelingState,
  isTerminalState,
  operationOutcome,
  provisioningState,
  stateOutcome,
} from './provisioning-state';

describe('provisioning-state vocabulary', () => {
  it('knows terminal states and their outcome, case-insensitively', () => {
    expect(provisioningState('Succeeded')).toEqual({
      state: 'Succeeded',
      known: true,
      terminal: true,
      busy: false,
      outcome: 'succeeded',
    });
    expect(stateOutcome('FAILED')).toBe('failed');
    expect(stateOutcome('canceled')).toBe('canceled');
    expect(stateOutcome('Cancelled')).toBe('canceled');
    for (const state of ['Succeeded', 'failed', 'Canceled']) expect(acceptsWrite(state)).toBe(true);
  });

  it('knows running states as busy, not terminal', () => {
    for (const state of [
      'Creating',
      'Updating',
      'deleting',
      'Upgrading',
      'Scaling',
      'Canceling',
      'Starting',
      'Stopping',
    ]) {
      expect(isBusyState(state)).toBe(true);
      expect(isTerminalState(state)).toBe(false);
      expect(acceptsWrite(state)).toBe(false);
    }
    expect(isCancelingState('Canceling')).toBe(true);
    expect(isCancelingState('Canceled')).toBe(false);
  });

  it('handles unknown and missing states: neither busy nor ended, and no write', () => {
    for (const state of ['Unknown', 'Frobnicating', '', null, undefined]) {
      const info = provisioningState(state);
      expect(info).toMatchObject({ known: false, terminal: false, busy: false, outcome: null });
      expect(acceptsWrite(state)).toBe(false);
    }
  });

  it('reads only the terminal words of an operation status', () => {
    expect(operationOutcome('Succeeded')).toBe('succeeded');
    expect(operationOutcome('failed')).toBe('failed');
    expect(operationOutcome('Canceled')).toBe('canceled');
    for (const running of [
      'InProgress',
      'ProvisioningControlPlane',
      'ReconcilingDNS',
      'NotSucceededYet',
      'Failover',
      '',
      null,
    ])
      expect(operationOutcome(running)).toBeNull();
  });
});
