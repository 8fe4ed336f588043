import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../../harness/scale/launch.js';
import { sbatchArgs, slurmScript, type SlurmScriptContext } from '../../../../harness/scale/slurm-script.js';
import { tempDir } from '../../../helpers/cli.js';

const work = tempDir('reprobench-slurm-script-');
const ctx: SlurmScriptContext = {
  spec: {
    claim: 'constant-vs-cosine',
    preset: 'quick',
    seeds: 2,
    backend: 'wasm',
    runDir: '/shared/runs/cvc',
    cacheDir: '/shared/cache',
    workers: 2,
    trialTimeoutSec: 600,
  },
  arraySize: 4,
  resources: { partition: 'gpu', time: '2:00:00', cpusPerTask: 2, gpus: 1, extra: ['--account=ml'] },
  launcher: ['echo'],
  workDir: work,
};

const directives = (script: string) =>
  script
    .split('\n')
    .filter((l) => l.startsWith('#SBATCH '))
    .map((l) => l.slice(8));

describe('Slurm batch scripts', () => {
  it('ask for the resources given, GPUs for the shards only', () => {
    const tune = directives(slurmScript('tuning', ctx));
    expect(tune).toEqual([
      '--job-name=rb-constant-vs-cosine-tune',
      '--output=/shared/runs/cvc/slurm/logs/%x-%A_%a.out',
      `--chdir=${work}`,
      '--ntasks=1',
      '--cpus-per-task=2',
      '--partition=gpu',
      '--time=2:00:00',
      '--gpus=1',
      '--account=ml',
    ]);
    const merge = directives(slurmScript('merge', ctx));
    expect(merge).toContain('--cpus-per-task=1');
    expect(merge).toContain('--output=/shared/runs/cvc/slurm/logs/%x-%j.out');
    expect(merge.some((d) => d.startsWith('--gpus'))).toBe(false);
  });

  it('run shard k/N for array task k, with the plan pinned (preset, seeds, backend) and the run directory shared', () => {
    const path = join(work, 'evaluation.sbatch');
    writeFileSync(path, slurmScript('evaluation', ctx));
    execFileSync('bash', ['-n', path]);
    const out = execFileSync('bash', [path], {
      env: { ...process.env, SLURM_ARRAY_TASK_ID: '3' },
      encoding: 'utf8',
    }).trim();
    expect(out).toBe(
      'run constant-vs-cosine --shard 3/4 --phase evaluation --out /shared/runs/cvc --preset quick --seeds 2 --backend wasm --workers 2 --trial-timeout 600 --cache-dir /shared/cache',
    );
    // Without the array variable the script stops instead of running a wrong shard.
    const env = { ...process.env };
    delete env.SLURM_ARRAY_TASK_ID;
    expect(() => execFileSync('bash', [path], { env, stdio: 'pipe' })).toThrow();
  });

  it('merge in place and render the report', () => {
    const path = join(work, 'merge.sbatch');
    writeFileSync(path, slurmScript('merge', ctx));
    expect(execFileSync('bash', [path], { encoding: 'utf8' }).trim()).toBe(
      'merge /shared/runs/cvc --out /shared/runs/cvc',
    );
  });

  it('are submitted held, with the array and the dependency on the command line', () => {
    expect(sbatchArgs('/r/slurm/evaluation.sbatch', { array: '2,4', afterOk: '17', hold: true })).toEqual([
      '--parsable',
      '--hold',
      '--array=2,4',
      '--dependency=afterok:17',
      '/r/slurm/evaluation.sbatch',
    ]);
    expect(sbatchArgs('/r/slurm/merge.sbatch', { hold: false })).toEqual(['--parsable', '/r/slurm/merge.sbatch']);
  });

  it('quote words for the shell only where needed', () => {
    expect(shellQuote('/a/b-c_d.e')).toBe('/a/b-c_d.e');
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote("a b'c$HOME")}`], { encoding: 'utf8' })).toBe(
      "a b'c$HOME",
    );
  });
});
