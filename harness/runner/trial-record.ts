import type { BackendInfo } from '../backends/select.js';
import { configHash, TRIAL_SCHEMA_VERSION, type TrialConfig, type TrialRecord } from '../core/trial.js';
import { trialProvenance, type HostProvenance } from '../store/provenance.js';

type Ran = Pick<TrialRecord, 'status' | 'outcome' | 'curve' | 'seeds'> &
  Partial<Pick<TrialRecord, 'error' | 'log' | 'trace'>>;

/**
 * The stored record of a trial that just ended, built-in or external: the same fields and
 * provenance for both; `external` adds what only a command trainer has.
 */
export function trialRecord(
  id: string,
  config: TrialConfig,
  ran: Ran,
  ctx: { host: HostProvenance; backend: BackendInfo },
  startedAt: string,
  external?: NonNullable<TrialRecord['provenance']['external']>,
): TrialRecord {
  return {
    schemaVersion: TRIAL_SCHEMA_VERSION,
    id,
    config,
    ...ran,
    provenance: { ...trialProvenance(ctx.host, ctx.backend, configHash(config)), ...(external ? { external } : {}) },
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
