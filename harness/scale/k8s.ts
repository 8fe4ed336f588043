import { stringify } from 'yaml';
import { runOptions, shellQuote, type ShardRunSpec } from './launch.js';

export interface K8sOptions {
  spec: ShardRunSpec;
  /** Whether the claim has a tuning phase (then evaluation waits for it). */
  hasTuning: boolean;
  /** Whether tuning has a re-check phase (it waits for tuning; evaluation waits for it). */
  hasRecheck: boolean;
  shards: number;
  image: string;
  /** How the image starts reprobench (argv), e.g. `reprobench` or `npx reprobench`. */
  launcher: string[];
  /** An existing ReadWriteMany PersistentVolumeClaim that every pod mounts at `mountPath`. */
  pvc: string;
  mountPath: string;
  namespace?: string;
  /** The pods' working directory (where the project's reprobench.config is); default: the image's. */
  workDir?: string;
  /** Pods of a phase that run at once (default: all shards). */
  parallelism?: number;
  cpu: number;
  memory: string;
  gpus?: number;
  /** Retries per shard index before the index counts as failed. */
  retriesPerShard: number;
  /** Seconds a waiting pod (re-check for tuning, evaluation for the re-check or tuning, merge for evaluation) waits before failing. */
  waitTimeoutSec: number;
}

/** Kubernetes names: lower-case DNS labels. */
export function k8sName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 52)
    .replace(/-$/, '');
}

type Role = 'tuning' | 'recheck' | 'evaluation' | 'merge';
type ShardRole = Exclude<Role, 'merge'>;
const short: Record<Role, string> = { tuning: 'tune', recheck: 'recheck', evaluation: 'eval', merge: 'merge' };

const sh = (line: string) => ['/bin/sh', '-c', line];

/**
 * The Jobs of a scaled-out run, in the order to apply them: an Indexed Job per phase whose pod k
 * runs shard k+1/N (`JOB_COMPLETION_INDEX` counts from 0, shards from 1), and a merge Job. All
 * mount one ReadWriteMany volume holding the run directory. Kubernetes has no job dependencies,
 * so the pods of every later phase (re-check, evaluation, merge) start with an init container that runs
 * `reprobench wait` until the phase before has every trial finished on the volume; one
 * `kubectl apply -f` therefore runs the whole claim.
 */
export function k8sJobs(o: K8sOptions): object[] {
  const claim = o.spec.claim;
  const q = (xs: string[]) => xs.map(shellQuote).join(' ');
  const labels = (role: Role) => ({
    'app.kubernetes.io/name': 'reprobench',
    'app.kubernetes.io/component': role,
    'reprobench.dev/claim': k8sName(claim),
  });
  const volume = { name: 'runs', persistentVolumeClaim: { claimName: o.pvc } };
  const mount = { name: 'runs', mountPath: o.mountPath };
  const resources = (role: Role) => {
    const shard = role !== 'merge';
    const r: Record<string, string> = { cpu: String(shard ? o.cpu : 1), memory: o.memory };
    const limits: Record<string, string> = { ...r, ...(shard && o.gpus ? { 'nvidia.com/gpu': String(o.gpus) } : {}) };
    return { requests: r, limits };
  };
  const container = (role: Role, command: string[]) => ({
    name: role,
    image: o.image,
    command,
    ...(o.workDir ? { workingDir: o.workDir } : {}),
    env: [{ name: 'REPROBENCH_CACHE', value: o.spec.cacheDir ?? `${o.mountPath}/.cache/reprobench` }],
    resources: resources(role),
    volumeMounts: [mount],
  });
  const waitFor = (phase: ShardRole) => ({
    name: `wait-for-${phase}`,
    image: o.image,
    command: sh(
      `${q(o.launcher)} wait ${shellQuote(claim)} --phase ${phase} ${q(planOptions(o.spec))} --timeout ${o.waitTimeoutSec}`,
    ),
    ...(o.workDir ? { workingDir: o.workDir } : {}),
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    volumeMounts: [mount],
  });
  const meta = (role: Role) => ({
    name: k8sName('rb', claim, short[role]),
    ...(o.namespace ? { namespace: o.namespace } : {}),
    labels: labels(role),
  });

  // Each phase's pods wait for the phase before it.
  const before: Partial<Record<ShardRole, ShardRole>> = {
    ...(o.hasTuning && o.hasRecheck ? { recheck: 'tuning' as const } : {}),
    ...(o.hasTuning ? { evaluation: o.hasRecheck ? ('recheck' as const) : ('tuning' as const) } : {}),
  };
  const shardJob = (phase: ShardRole) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(phase),
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: Math.min(o.parallelism ?? o.shards, o.shards),
      // A failed shard is retried on its own; the others are not disturbed.
      backoffLimitPerIndex: o.retriesPerShard,
      template: {
        metadata: { labels: labels(phase) },
        spec: {
          restartPolicy: 'Never',
          ...(before[phase] ? { initContainers: [waitFor(before[phase])] } : {}),
          containers: [
            container(
              phase,
              sh(
                `${q(o.launcher)} run ${shellQuote(claim)} --shard "$((JOB_COMPLETION_INDEX + 1))/${o.shards}" --phase ${phase} ${q(runOptions({ ...o.spec, cacheDir: o.spec.cacheDir ?? `${o.mountPath}/.cache/reprobench` }))}`,
              ),
            ),
          ],
          volumes: [volume],
        },
      },
    },
  });
  const mergeJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('merge'),
    spec: {
      completions: 1,
      parallelism: 1,
      backoffLimit: o.retriesPerShard,
      template: {
        metadata: { labels: labels('merge') },
        spec: {
          restartPolicy: 'Never',
          initContainers: [waitFor('evaluation')],
          containers: [
            container(
              'merge',
              sh(`${q(o.launcher)} merge ${shellQuote(o.spec.runDir)} --out ${shellQuote(o.spec.runDir)}`),
            ),
          ],
          volumes: [volume],
        },
      },
    },
  };
  return [
    ...(o.hasTuning ? [shardJob('tuning')] : []),
    ...(o.hasTuning && o.hasRecheck ? [shardJob('recheck')] : []),
    shardJob('evaluation'),
    mergeJob,
  ];
}

/** `run`'s plan-pinning options without the per-process ones (`wait` runs no trial). */
function planOptions(s: ShardRunSpec): string[] {
  return [
    '--out',
    s.runDir,
    '--preset',
    s.preset,
    ...(s.seeds !== undefined ? ['--seeds', String(s.seeds)] : []),
    '--backend',
    s.backend,
  ];
}

/** Multi-document YAML, as `kubectl apply -f` takes it. */
export function toYaml(docs: object[], header: string): string {
  return `${header
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n')}\n${docs.map((d) => `---\n${stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })}`).join('')}`;
}
