import { relative, resolve } from 'node:path';
import { posix } from 'node:path';
import type { Argv } from 'yargs';
import { checkSeeds } from '../../core/limits.js';
import { BACKEND_CHOICES } from '../../backends/select.js';
import { loadRegistries } from '../../builtins.js';
import { ReprobenchError } from '../../errors.js';
import { k8sJobs, k8sName, toYaml } from '../../scale/k8s.js';
import { writeFileAtomic } from '../../store/atomic.js';
import { planClaimTuning } from '../../plan/claim-tuning.js';
import { resolveRun } from '../../plan/resolve-run.js';
import { positive, positiveInt, shardCount } from '../options.js';
import { planningBackend } from './plan.js';

export function k8sCommand(y: Argv) {
  return y.command(
    'k8s <claim>',
    'write Kubernetes Jobs that run a claim: an Indexed Job per phase (pod k runs shard k+1/N) on a shared volume, then a merge Job (see docs/scale-out/k8s.md)',
    (c) =>
      c
        .positional('claim', { type: 'string', demandOption: true, describe: 'claim id' })
        .option('shards', { type: 'number', demandOption: true, describe: 'shards N: completions of each Indexed Job' })
        .option('image', {
          type: 'string',
          demandOption: true,
          describe: 'container image with Node 20, reprobench and the project (its reprobench.config)',
        })
        .option('print', {
          type: 'boolean',
          default: false,
          describe: 'print the manifest instead of writing it to --file',
        })
        .option('file', { type: 'string', describe: 'where to write the manifest (default: k8s-<claim>.yaml)' })
        .option('pvc', {
          type: 'string',
          default: 'reprobench-runs',
          describe: 'an existing ReadWriteMany PersistentVolumeClaim every pod mounts',
        })
        .option('mount-path', {
          type: 'string',
          default: '/runs',
          describe: 'where pods mount it; the run directory is <mount-path>/<claim>',
        })
        .option('namespace', { type: 'string', describe: "namespace of the Jobs (default: kubectl's current one)" })
        .option('workdir', {
          type: 'string',
          describe: "working directory in the image (where reprobench.config is; default: the image's WORKDIR)",
        })
        .option('launcher', {
          type: 'string',
          default: 'reprobench',
          describe: 'how the image starts reprobench, e.g. "npx reprobench"',
        })
        .option('parallelism', { type: 'number', describe: 'pods of a phase at once (default: all shards)' })
        .option('cpu', { type: 'number', default: 1, describe: 'CPUs per shard pod (its worker processes)' })
        .option('memory', { type: 'string', default: '2Gi', describe: 'memory per pod' })
        .option('gpus', { type: 'number', describe: 'nvidia.com/gpu per shard pod' })
        .option('retries', { type: 'number', default: 2, describe: 'retries of a failed shard (backoffLimitPerIndex)' })
        .option('wait-timeout', {
          type: 'number',
          default: 86_400,
          describe: 'seconds the evaluation and merge pods wait for the phase before them',
        })
        .option('preset', {
          choices: ['quick', 'standard'] as const,
          default: 'quick' as const,
          describe: 'how many repeats',
        })
        .option('seeds', { type: 'number', describe: 'repeats per method and workload, overriding the preset' })
        .option('backend', {
          choices: BACKEND_CHOICES,
          default: 'wasm' as const,
          describe: 'backend in the pods, pinned for every shard (`auto` is resolved here)',
        })
        .option('trial-timeout', {
          type: 'number',
          default: 1800,
          describe: 'seconds before a trial is stopped and recorded as timeout',
        })
        .check((argv) => {
          for (const k of ['parallelism', 'cpu', 'gpus'] as const) positiveInt(argv[k], `--${k}`);
          shardCount(argv.shards, '--shards');
          checkSeeds(argv.seeds, '--seeds');
          positive(argv['wait-timeout'], '--wait-timeout');
          positive(argv['trial-timeout'], '--trial-timeout');
          if (!Number.isInteger(argv.retries) || argv.retries < 0)
            throw new ReprobenchError(
              'E_BAD_OPTION',
              `--retries must be a whole number ≥ 0, got ${argv.retries}`,
              'for example --retries 2',
            );
          if (!posix.isAbsolute(argv['mount-path']))
            throw new ReprobenchError(
              'E_BAD_OPTION',
              `--mount-path must be absolute, got ${argv['mount-path']}`,
              'for example --mount-path /runs',
            );
          if (k8sName(argv.pvc) !== argv.pvc)
            throw new ReprobenchError(
              'E_BAD_OPTION',
              `--pvc must be a Kubernetes name (lower case, digits, -), got ${argv.pvc}`,
              `for example --pvc ${k8sName(argv.pvc) || 'reprobench-runs'}`,
            );
          return true;
        })
        .example(
          '$0 k8s adan --shards 8 --image ghcr.io/me/adan-repro:1 --gpus 1',
          'writes k8s-adan.yaml; then kubectl apply -f k8s-adan.yaml',
        ),
    async (argv) => {
      const cwd = process.cwd();
      const registries = await loadRegistries(cwd);
      const claim = registries.claims.get(argv.claim);
      const backend = await planningBackend(argv.backend, registries, claim);
      const runDir = posix.join(argv['mount-path'], claim.id);
      const tuning = planClaimTuning(registries, claim, resolveRun(claim, argv.preset, argv.seeds), backend);
      const docs = k8sJobs({
        spec: {
          claim: claim.id,
          preset: argv.preset,
          ...(argv.seeds !== undefined ? { seeds: argv.seeds } : {}),
          backend: backend.name,
          runDir,
          cacheDir: posix.join(argv['mount-path'], '.cache', 'reprobench'),
          workers: argv.cpu,
          trialTimeoutSec: argv['trial-timeout'],
        },
        hasTuning: tuning !== null,
        hasRecheck: tuning?.rechecks ?? false,
        shards: argv.shards,
        image: argv.image,
        launcher: argv.launcher.split(/\s+/).filter(Boolean),
        pvc: argv.pvc,
        mountPath: argv['mount-path'],
        ...(argv.namespace ? { namespace: argv.namespace } : {}),
        ...(argv.workdir ? { workDir: argv.workdir } : {}),
        ...(argv.parallelism ? { parallelism: argv.parallelism } : {}),
        cpu: argv.cpu,
        memory: argv.memory,
        ...(argv.gpus ? { gpus: argv.gpus } : {}),
        retriesPerShard: argv.retries,
        waitTimeoutSec: argv['wait-timeout'],
      });
      const yaml = toYaml(
        docs,
        `reprobench: claim ${claim.id} in ${argv.shards} shards per phase, run directory ${runDir} on PVC ${argv.pvc}.\n` +
          `Written by: ${['reprobench', ...process.argv.slice(2)].join(' ')}\n` +
          'Apply once: kubectl apply -f <this file>. Pods of later phases wait (init container) for the phase before.',
      );
      if (argv.print) {
        process.stdout.write(yaml);
        return;
      }
      const file = resolve(argv.file ?? `k8s-${claim.id}.yaml`);
      writeFileAtomic(file, yaml);
      const shown = relative(cwd, file);
      process.stdout.write(
        `wrote ${shown}: ${docs.length} Jobs\n  kubectl apply -f ${shown}\n  kubectl wait --for=condition=complete --timeout=24h job/${k8sName('rb', claim.id, 'merge')}\n`,
      );
    },
  );
}
