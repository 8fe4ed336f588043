import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { k8sJobs, k8sName, toYaml, type K8sOptions } from '../../../../harness/scale/k8s.js';
import { parseAllDocuments } from 'yaml';
import { jobSchemaErrors } from '../../../helpers/k8s-schema.js';

const errors = jobSchemaErrors;

const base: K8sOptions = {
  spec: {
    claim: 'constant-vs-cosine',
    preset: 'quick',
    seeds: 2,
    backend: 'wasm',
    runDir: '/runs/constant-vs-cosine',
    cacheDir: '/runs/.cache/reprobench',
    workers: 2,
    trialTimeoutSec: 1800,
  },
  hasTuning: true,
  hasRecheck: false,
  shards: 4,
  image: 'ghcr.io/example/repro:1',
  launcher: ['npx', 'reprobench'],
  pvc: 'reprobench-runs',
  mountPath: '/runs',
  cpu: 2,
  memory: '2Gi',
  gpus: 1,
  retriesPerShard: 2,
  waitTimeoutSec: 3600,
};

type Job = {
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions: number;
    parallelism: number;
    backoffLimitPerIndex?: number;
    template: {
      spec: {
        containers: Array<{ command: string[]; resources: { limits: Record<string, string> } }>;
        initContainers?: Array<{ command: string[] }>;
        volumes: Array<{ persistentVolumeClaim: { claimName: string } }>;
      };
    };
  };
};

describe('Kubernetes Jobs for a sharded run', () => {
  const jobs = k8sJobs(base) as Job[];

  it('are valid batch/v1 Jobs under the Kubernetes JSON schema', () => {
    expect(jobs).toHaveLength(3);
    for (const j of jobs) expect(errors(j), j.metadata.name).toEqual([]);
    // The schema is strict: a misspelled field would be caught.
    const typo = structuredClone(jobs[0]) as { spec: Record<string, unknown> };
    typo.spec.completionMod = typo.spec.completionMode;
    delete typo.spec.completionMode;
    expect(errors(typo).join('\n')).toMatch(/additional/);
  });

  it('run each phase as an Indexed Job whose pod k runs shard k+1 of N on one shared volume', () => {
    const [tune, evaluation, merge] = jobs as [Job, Job, Job];
    for (const [job, phase] of [
      [tune, 'tuning'],
      [evaluation, 'evaluation'],
    ] as const) {
      expect(job.spec).toMatchObject({
        completionMode: 'Indexed',
        completions: 4,
        parallelism: 4,
        backoffLimitPerIndex: 2,
      });
      const cmd = job.spec.template.spec.containers[0]!.command;
      expect(cmd[2]).toContain(`--phase ${phase}`);
      expect(cmd[2]).toContain('--backend wasm');
      expect(job.spec.template.spec.containers[0]!.resources.limits['nvidia.com/gpu']).toBe('1');
      // The shell turns JOB_COMPLETION_INDEX 0..3 into shards 1/4..4/4.
      const echoed = [0, 3].map((k) =>
        execFileSync('/bin/sh', ['-c', cmd[2]!.replace(/^npx reprobench/, 'echo')], {
          env: { ...process.env, JOB_COMPLETION_INDEX: String(k) },
          encoding: 'utf8',
        }),
      );
      expect(echoed[0]).toContain('--shard 1/4');
      expect(echoed[1]).toContain('--shard 4/4');
    }
    for (const j of jobs)
      expect(j.spec.template.spec.volumes[0]!.persistentVolumeClaim.claimName).toBe('reprobench-runs');
    expect(merge.spec.completionMode).toBeUndefined();
    expect(merge.spec.template.spec.containers[0]!.command[2]).toBe(
      'npx reprobench merge /runs/constant-vs-cosine --out /runs/constant-vs-cosine',
    );
    expect(merge.spec.template.spec.containers[0]!.resources.limits['nvidia.com/gpu']).toBeUndefined();
  });

  it('make evaluation wait for tuning and the merge wait for evaluation, so one apply runs the claim', () => {
    const [tune, evaluation, merge] = jobs as [Job, Job, Job];
    expect(tune.spec.template.spec.initContainers).toBeUndefined();
    expect(evaluation.spec.template.spec.initContainers![0]!.command[2]).toMatch(
      /^npx reprobench wait constant-vs-cosine --phase tuning --out \/runs\/constant-vs-cosine --preset quick --seeds 2 --backend wasm/,
    );
    expect(merge.spec.template.spec.initContainers![0]!.command[2]).toContain(
      'wait constant-vs-cosine --phase evaluation',
    );
  });

  it('run the tuning re-check between tuning and evaluation, each phase waiting for the one before', () => {
    const four = k8sJobs({ ...base, hasRecheck: true }) as Job[];
    expect(four.map((j) => j.metadata.name)).toEqual(
      ['tune', 'recheck', 'eval', 'merge'].map((r) => `rb-constant-vs-cosine-${r}`),
    );
    for (const j of four) expect(errors(j), j.metadata.name).toEqual([]);
    const [tune, recheck, evaluation] = four as [Job, Job, Job];
    expect(tune.spec.template.spec.initContainers).toBeUndefined();
    expect(recheck.spec.template.spec.containers[0]!.command[2]).toContain('--phase recheck');
    expect(recheck.spec.template.spec.initContainers![0]!.command[2]).toContain(
      'wait constant-vs-cosine --phase tuning',
    );
    expect(evaluation.spec.template.spec.initContainers![0]!.command[2]).toContain(
      'wait constant-vs-cosine --phase recheck',
    );
  });

  it('leave out the tuning Job and its wait for a claim that tunes nothing', () => {
    const two = k8sJobs({ ...base, hasTuning: false, hasRecheck: true }) as Job[];
    expect(two.map((j) => j.metadata.name)).toEqual(['rb-constant-vs-cosine-eval', 'rb-constant-vs-cosine-merge']);
    expect(two[0]!.spec.template.spec.initContainers).toBeUndefined();
  });

  it('round-trip through YAML as separate documents, and names stay DNS labels', () => {
    const docs = parseAllDocuments(toYaml(jobs, 'header line\nsecond line'));
    expect(docs.map((d) => d.toJS())).toEqual(JSON.parse(JSON.stringify(jobs)));
    expect(k8sName('rb', 'My_Claim.v2', 'tune')).toBe('rb-my-claim-v2-tune');
    expect(k8sName('rb', 'x'.repeat(80)).length).toBeLessThanOrEqual(52);
  });
});
