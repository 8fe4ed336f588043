import { join } from 'node:path';
import { mergeCommandLine, shardCommandLine, shellQuote, type ShardRunSpec } from './launch.js';

/** The resources each array task asks for (the merge job asks for one CPU and no GPU). */
export interface SlurmResources {
  partition?: string;
  /** Slurm's time format (`30`, `2:00:00`, `1-00:00:00`). */
  time?: string;
  cpusPerTask: number;
  gpus?: number;
  /** Extra `#SBATCH` options, verbatim (`--account=ml`, `--qos=short`). */
  extra: string[];
}

export type SlurmRole = 'tuning' | 'recheck' | 'evaluation' | 'merge';

export interface SlurmScriptContext {
  spec: ShardRunSpec;
  arraySize: number;
  resources: SlurmResources;
  /** How a compute node starts reprobench (argv). */
  launcher: string[];
  /** The directory jobs start in (where the user's reprobench.config is). */
  workDir: string;
}

/** `slurm/<role>.sbatch` inside the run directory. */
export function scriptFile(role: SlurmRole): string {
  return join('slurm', `${role}.sbatch`);
}

const SHORT: Record<SlurmRole, string> = { tuning: 'tune', recheck: 'recheck', evaluation: 'eval', merge: 'merge' };
const jobName = (claim: string, role: SlurmRole) => `rb-${claim}-${SHORT[role]}`;

/**
 * The batch script of one role. Array indices and dependencies are not in it: they change when a
 * rerun resubmits only unfinished shards, so they go on the `sbatch` command line (stored in the
 * manifest next to the script).
 */
export function slurmScript(role: SlurmRole, c: SlurmScriptContext): string {
  const { spec, resources: r } = c;
  const logs = join(spec.runDir, 'slurm', 'logs');
  const shard = role !== 'merge';
  const lines = [
    '#!/bin/bash',
    shard
      ? `# reprobench: the ${role} phase of claim ${spec.claim}, array task k runs shard k/${c.arraySize}.`
      : `# reprobench: merge the shards of claim ${spec.claim} and render the report.`,
    `#SBATCH --job-name=${jobName(spec.claim, role)}`,
    `#SBATCH --output=${logs}/${shard ? '%x-%A_%a' : '%x-%j'}.out`,
    `#SBATCH --chdir=${c.workDir}`,
    `#SBATCH --ntasks=1`,
    `#SBATCH --cpus-per-task=${shard ? r.cpusPerTask : 1}`,
    ...(r.partition ? [`#SBATCH --partition=${r.partition}`] : []),
    ...(r.time ? [`#SBATCH --time=${r.time}`] : []),
    ...(shard && r.gpus ? [`#SBATCH --gpus=${r.gpus}`] : []),
    ...r.extra.map((x) => `#SBATCH ${x}`),
    'set -euo pipefail',
    `cd ${shellQuote(c.workDir)}`,
    shard
      ? `exec ${shardCommandLine(c.launcher, spec, role, `\${SLURM_ARRAY_TASK_ID}/${c.arraySize}`)}`
      : `exec ${mergeCommandLine(c.launcher, spec.runDir)}`,
  ];
  return lines.join('\n') + '\n';
}

/** The `sbatch` argv for a role: held (released once the manifest names every job), with its array and dependency. */
export function sbatchArgs(scriptPath: string, o: { array?: string; afterOk?: string; hold: boolean }): string[] {
  return [
    '--parsable',
    ...(o.hold ? ['--hold'] : []),
    ...(o.array ? [`--array=${o.array}`] : []),
    ...(o.afterOk ? [`--dependency=afterok:${o.afterOk}`] : []),
    scriptPath,
  ];
}
