/**
 * Report rendering benchmark (issue: HTML reports): a claim with 5 methods × 3 workloads × 20
 * seeds, 40 evals per curve, rendered end to end (read the run directory, statistics, charts,
 * HTML). Goal: under 2 s and under 2 MB.
 *
 *   npx tsx benchmarks/perf/report-render.ts
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeClaim } from '../../harness/analysis/summary.js';
import { defineClaim } from '../../harness/core/claim.js';
import {
  configHash,
  trialId,
  TRIAL_SCHEMA_VERSION,
  type TrialConfig,
  type TrialRecord,
} from '../../harness/core/trial.js';
import { Rng } from '../../harness/rng.js';
import { deriveSeed, trialSeeds } from '../../harness/runner/seeds.js';
import { writeManifest } from '../../harness/store/manifest.js';
import { hostProvenance } from '../../harness/store/provenance.js';
import { writeTrial } from '../../harness/store/trial-store.js';
import { writeSummaryJson } from '../../reports/summary.js';
import { writeReport } from '../../reports/render-report.js';

const METHODS = ['m1', 'm2', 'm3', 'm4', 'm5'];
const WORKLOADS = ['w1', 'w2', 'w3'];
const SEEDS = 20;
const BUDGET = 1000;
const EVERY = 25;

const claim = defineClaim({
  id: 'bench-report',
  version: 1,
  title: 'Report rendering benchmark',
  paper: { title: 'none', authors: 'none', year: 2026, url: 'https://example.org' },
  quote: 'none',
  claimedEffect: { description: 'speedup', magnitude: 1.5, direction: 'method-better' },
  fidelity: { kind: 'faithful' },
  testType: 'time-to-target',
  methods: METHODS.slice(0, 2).map((m) => ({ method: m })),
  baselines: METHODS.slice(2).map((m) => ({ method: m })),
  workloads: WORKLOADS,
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 5, standard: SEEDS },
  miniature: 'synthetic',
});

const host = hostProvenance();
const rng = new Rng(deriveSeed('order', ['bench-report']));
const dir = mkdtempSync(join(tmpdir(), 'reprobench-bench-report-'));
const ids: string[] = [];
for (const [wi, w] of WORKLOADS.entries()) {
  for (const [mi, m] of METHODS.entries()) {
    for (let r = 0; r < SEEDS; r++) {
      const config: TrialConfig = {
        workload: { id: w, version: 1, variant: 'default' },
        method: { id: m, version: 1, hparams: { learningRate: 0.01 } },
        repeat: { purpose: 'eval', index: r },
        backend: 'wasm',
        numericsClass: 'wasm-tfjs4.22.0-k1',
        batchSize: 128,
        budget: { steps: BUDGET, seconds: 600 },
        evalEvery: EVERY,
        stepHint: BUDGET,
        target: { metric: 'validation/accuracy', value: 0.87, direction: 'higher' },
        stopAtTarget: true,
      };
      const speed = 1 + 0.15 * mi + 0.05 * wi + 0.2 * rng.normal();
      const curve: TrialRecord['curve'] = [];
      let reached: number | null = null;
      for (let s = EVERY; s <= BUDGET; s += EVERY) {
        const acc = 0.9 * (1 - Math.exp(-s / (180 * speed))) + 0.005 * rng.normal();
        curve.push({
          step: s,
          examples: s * 128,
          trainSeconds: s * 0.015,
          metrics: { 'validation/accuracy': acc, 'validation/loss': 1 - acc, 'train/loss': 1 - acc },
        });
        if (acc >= 0.87) {
          reached = s;
          break;
        }
      }
      const id = trialId(config);
      ids.push(id);
      writeTrial(dir, {
        schemaVersion: TRIAL_SCHEMA_VERSION,
        id,
        config,
        seeds: trialSeeds(config.workload, m, config.repeat),
        status: reached ? 'reached' : 'censored',
        outcome: {
          stepsToTarget: reached,
          examplesToTarget: reached && reached * 128,
          secondsToTarget: reached && reached * 0.015,
          stepsRun: curve.at(-1)!.step,
          trainSeconds: curve.at(-1)!.trainSeconds,
          evalSeconds: 1,
          initSeconds: 0.1,
          finalMetrics: curve.at(-1)!.metrics,
          bestTargetMetric: Math.max(...curve.map((p) => p.metrics['validation/accuracy']!)),
          reason: 'synthetic',
        },
        curve,
        provenance: {
          ...host,
          tfjsVersion: '4.22.0',
          backend: 'wasm',
          backendReasons: [],
          numericsClass: 'wasm-tfjs4.22.0-k1',
          gpu: null,
          configHash: configHash(config),
        },
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
      });
    }
  }
}
const now = new Date().toISOString();
writeManifest(dir, {
  schemaVersion: 1,
  claim: { id: claim.id, version: 1 },
  preset: 'standard',
  repeats: SEEDS,
  backend: 'wasm',
  numericsClass: 'wasm-tfjs4.22.0-k1',
  backendReasons: [],
  configFile: null,
  command: 'benchmark',
  createdAt: now,
  updatedAt: now,
  status: 'complete',
  tuningTrials: [],
  evalTrials: ids,
  chosen: {},
});
const { readTrials } = await import('../../harness/store/trial-store.js');
const summary = summarizeClaim(claim, [...readTrials(dir).values()], {
  preset: 'standard',
  repeats: SEEDS,
  workloads: WORKLOADS,
  backend: 'wasm',
  numericsClass: 'wasm-tfjs4.22.0-k1',
  tuning: null,
  host,
});
writeSummaryJson(dir, summary);

const times: number[] = [];
let html = '';
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  html = writeReport(dir, process.cwd()).html;
  times.push(performance.now() - t0);
}
const sorted = [...times].sort((a, b) => a - b);
const size = statSync(html).size;
console.log(
  `report for ${METHODS.length} methods × ${WORKLOADS.length} workloads × ${SEEDS} seeds (${ids.length} trials, ${BUDGET / EVERY} evals each)`,
);
console.log(
  `render (read run dir + statistics + charts + HTML), 5 runs: median ${sorted[2]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted[4]!.toFixed(0)} ms (goal < 2000 ms)`,
);
console.log(`report.html: ${(size / 1024).toFixed(0)} KiB (goal < 2048 KiB)`);
