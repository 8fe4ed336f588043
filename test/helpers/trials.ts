import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrialRecord } from '../../harness/core/trial.js';

/** The trial files of a run directory, parsed, by id. */
export function trialsOf(runDir: string): Map<string, TrialRecord> {
  const dir = join(runDir, 'trials');
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('.tmp-'))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(dir, f), 'utf8')) as TrialRecord]),
  );
}

/**
 * What two runs of one trial on one numerics class must agree on bit for bit: everything but
 * wall-clock seconds, timestamps and provenance.
 */
export function deterministicPart(r: TrialRecord) {
  const o = r.outcome;
  return {
    id: r.id,
    config: r.config,
    seeds: r.seeds,
    status: r.status,
    outcome: {
      stepsToTarget: o.stepsToTarget,
      examplesToTarget: o.examplesToTarget,
      stepsRun: o.stepsRun,
      finalMetrics: o.finalMetrics,
      bestTargetMetric: o.bestTargetMetric,
      reason: o.reason,
    },
    curve: r.curve.map((p) => ({ step: p.step, examples: p.examples, metrics: p.metrics })),
  };
}
