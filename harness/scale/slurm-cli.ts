import { spawnSync } from 'node:child_process';
import { ReprobenchError } from '../errors.js';

/** Runs a Slurm client command; the error says what was run and what Slurm answered. */
export function slurmExec(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) {
    throw new ReprobenchError(
      'E_SLURM_UNAVAILABLE',
      `could not run ${cmd}: ${r.error.message}`,
      'run this on a Slurm login node (sbatch, squeue, scontrol on the PATH), or use --print to write the scripts without submitting',
    );
  }
  if (r.status !== 0) {
    throw new ReprobenchError(
      'E_SLURM_SUBMIT',
      `${cmd} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().slice(0, 800)}`,
      'check the options (partition, time, GPUs) against `sinfo`, and that slurmctld is up (`scontrol ping`)',
    );
  }
  return r.stdout;
}

/** `sbatch --parsable` prints `jobid` or `jobid;cluster`. */
export function parseJobId(out: string): string {
  const id = out.trim().split(/\s+/).pop()?.split(';')[0] ?? '';
  if (!/^\d+$/.test(id))
    throw new ReprobenchError(
      'E_SLURM_SUBMIT',
      `sbatch printed no job id: "${out.trim()}"`,
      'check sbatch by hand with the script and command stored in the run directory',
    );
  return id;
}

export interface QueueRow {
  /** `12_3`, `12_[2-4]` or `13`. */
  id: string;
  /** The array's job id (the job's own id when not an array). */
  jobId: string;
  state: string;
  reason: string;
}

/** This user's queued and running jobs that belong to `jobIds` (arrays included). */
export function queueRows(jobIds: string[]): QueueRow[] {
  if (jobIds.length === 0) return [];
  const out = slurmExec('squeue', ['--me', '--noheader', '--array', '--format=%i|%F|%T|%r']);
  const mine = new Set(jobIds);
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [id = '', jobId = '', state = '', reason = ''] = l.trim().split('|');
      return { id, jobId, state, reason };
    })
    .filter((r) => mine.has(r.jobId) || mine.has(r.id));
}

export const neverSatisfied = (r: QueueRow): boolean =>
  r.state === 'PENDING' && r.reason === 'DependencyNeverSatisfied';
