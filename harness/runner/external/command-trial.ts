import { join, relative } from 'node:path';
import type { CommandMethodDefinition } from '../../core/method.js';
import { canonicalJson, type TrialConfig, type TrialRecord } from '../../core/trial.js';
import { resolveVariant } from '../../core/workload.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { scrubPaths } from '../../store/provenance.js';
import { ensureExport, HEADER_FILE } from '../data-export.js';
import type { RunTrialContext } from '../trial-context.js';
import { trialSeeds } from '../seeds.js';
import { trialRecord } from '../trial-record.js';
import { commandCwd, commandIdentity, scriptHash } from './identity.js';
import { interpreterOf } from './interpreter.js';
import { trainerInput } from './protocol.js';
import { commandEnv } from './command-env.js';
import { runExternal, type ExternalRunResult } from './run-external.js';

const inside = (dir: string, root: string): boolean => !relative(root, dir).startsWith('..');

/** Absolute paths out of stored text: the data export, the trainer's directory, the checkout, cwd, home. */
function scrubber(dataDir: string, trainerDir: string): (text: string) => string {
  const own = inside(trainerDir, PACKAGE_ROOT) || inside(trainerDir, process.cwd()) ? null : trainerDir;
  return (text) => {
    let out = text.split(dataDir).join('<data>');
    if (own) out = out.split(own).join('<trainer>');
    return scrubPaths(out);
  };
}

/** What changed between the command identity a trial was planned with and the one on disk now. */
function identityDrift(
  planned: TrialConfig['method']['command'],
  now: NonNullable<TrialConfig['method']['command']>,
): string | null {
  if (!planned) return 'the trial was planned without a command identity';
  if (canonicalJson(planned) === canonicalJson(now)) return null;
  const files = [...new Set([...Object.keys(planned.files), ...Object.keys(now.files)])].filter(
    (f) => planned.files[f] !== now.files[f],
  );
  return files.length
    ? `changed since the trial was planned: ${files.join(', ')}`
    : 'the command or its environment changed since the trial was planned';
}

/**
 * Runs a trial of a `kind: 'command'` method: exports the workload's data once (into the cache),
 * starts the trainer with the protocol's input document, and turns what it reports into the same
 * TrialRecord a built-in trial produces, with the trainer's stderr as the trial log and the
 * command, script hash and interpreter version in the provenance.
 */
export async function runCommandTrial(
  id: string,
  config: TrialConfig,
  method: CommandMethodDefinition,
  ctx: RunTrialContext,
): Promise<TrialRecord> {
  const startedAt = new Date().toISOString();
  const workload = ctx.registries.workloads.get(config.workload.id);
  const resolved = resolveVariant(workload, config.workload.variant);
  const seeds = trialSeeds(config.workload, config.method.id, config.repeat);
  const cwd = commandCwd(method);
  const identity = commandIdentity(method);
  const env = commandEnv(method.env);
  const exported = await ensureExport(workload, config.workload.variant, ctx.cacheDir);
  const scrub = scrubber(exported.dir, cwd);
  const drift = identityDrift(config.method.command, identity);
  let result: ExternalRunResult;
  if (drift) {
    const reason = `method ${method.id}: ${drift}; run the same command again to plan fresh trials`;
    result = {
      status: 'failed',
      outcome: {
        stepsToTarget: null,
        examplesToTarget: null,
        secondsToTarget: null,
        stepsRun: 0,
        trainSeconds: 0,
        evalSeconds: 0,
        initSeconds: 0,
        finalMetrics: {},
        bestTargetMetric: null,
        reason,
      },
      curve: [],
      error: { message: reason },
      log: { stderr: '', bytes: 0, truncated: false },
      framework: null,
    };
  } else {
    result = await runExternal({
      config,
      method,
      input: trainerInput(id, config, seeds, resolved.options, {
        dir: exported.dir,
        header: join(exported.dir, HEADER_FILE),
      }),
      cwd,
      env,
      scrub,
      ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
      ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
      ...(ctx.onSpawn ? { onSpawn: ctx.onSpawn } : {}),
    });
  }
  const ran = {
    seeds,
    status: result.status,
    outcome: result.outcome,
    curve: result.curve,
    ...(result.error ? { error: result.error } : {}),
    log: result.log,
  };
  return trialRecord(id, config, ran, ctx, startedAt, {
    protocol: identity.protocol,
    command: identity.argv.map(scrub),
    scriptHash: scriptHash(identity.files),
    files: identity.files,
    interpreter: interpreterOf(identity.argv, cwd, env),
    framework: result.framework,
  });
}
