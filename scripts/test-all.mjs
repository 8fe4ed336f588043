#!/usr/bin/env node
// `npm run test:all`, the README's test command (.ci/run calls it): on a machine of the project's
// kind (Debian 12, Node 20, root) it installs what the tests need and is not there yet, runs
// `npm ci` if node_modules does not match package-lock.json, starts the single-node Slurm, then
// lints (`npm run lint`; a lint failure fails test:all) and runs every test (`npm test`). When
// everything is there it only checks, then lints and tests.
import { spawnSync } from 'node:child_process';
import {
  DEPENDENCIES,
  describeStep,
  installProblem,
  planSetup,
  probeAll,
  realSystem,
  ROOT,
} from './ci/system-deps.mjs';

const USAGE = `usage: npm run test:all [-- --check [--assume-missing ID,...]]

Installs what the tests need (Debian packages, as root), runs npm ci if needed, starts Slurm,
then lints (npm run lint) and runs every test (npm test).
  --check                 report what is missing and what would be done; change nothing
                          (exit 0: nothing to set up, 1: something to set up)
  --assume-missing IDS    with --check: plan as if these were missing (${DEPENDENCIES.map((d) => d.id).join(', ')}, npm)`;

const say = (m) => process.stdout.write(`test:all: ${m}\n`);
function usageError(m) {
  process.stderr.write(`test:all: ${m}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { check: false, assume: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') o.check = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a === '--assume-missing' || a.startsWith('--assume-missing=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) usageError('--assume-missing needs a list of ids');
      o.assume.push(...v.split(',').filter(Boolean));
    } else usageError(`unknown argument ${a}`);
  }
  const known = new Set([...DEPENDENCIES.map((d) => d.id), 'npm']);
  const unknown = o.assume.filter((id) => !known.has(id));
  if (unknown.length) usageError(`--assume-missing: unknown ${unknown.join(', ')}`);
  if (o.assume.length && !o.check)
    usageError('--assume-missing only goes with --check (it would install what is there)');
  return o;
}

function probe(assume) {
  const missing = probeAll(realSystem);
  for (const id of assume) if (id !== 'npm') missing[id] = 'assumed missing (--assume-missing)';
  const install = assume.includes('npm') ? 'assumed missing (--assume-missing)' : installProblem(realSystem);
  return { missing, install };
}

function report({ missing, install }) {
  const width = Math.max(...DEPENDENCIES.map((d) => d.id.length));
  for (const d of DEPENDENCIES) {
    say(
      `  ${missing[d.id] ? 'missing' : 'ok     '} ${d.id.padEnd(width)}  ${d.what}${missing[d.id] ? `: ${missing[d.id]}` : ''}`,
    );
  }
  const npm = `node_modules as package-lock.json pins it${install ? `: ${install}` : ''}`;
  say(`  ${install ? 'missing' : 'ok     '} ${'npm'.padEnd(width)}  ${npm}`);
}

function run(step, sudo) {
  const command = sudo && step.asRoot ? ['sudo', 'DEBIAN_FRONTEND=noninteractive', ...step.command] : step.command;
  say(`$ ${command.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync(command[0], command.slice(1), { cwd: ROOT, stdio: 'inherit', env });
  if (r.error) throw new Error(`${command[0]} did not start: ${r.error.message}`);
  return r.status ?? 128 + 2;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (process.env.REPROBENCH_NO_NATIVE === '1') {
    say("REPROBENCH_NO_NATIVE=1 is unset for this run: every test runs, the blas backend's included");
    delete process.env.REPROBENCH_NO_NATIVE;
  }
  const started = Date.now();
  say('checking what the tests need');
  const state = probe(opts.assume);
  report(state);
  const root = realSystem.uid === 0;
  const sudo = !root && realSystem.run('sudo', ['-n', 'true']).status === 0;
  const steps = planSetup(state.missing, { install: state.install });
  const setup = steps.filter((s) => s.kind !== 'lint' && s.kind !== 'test');
  const privileged = setup.filter((s) => s.asRoot);

  if (opts.check) {
    say(setup.length ? 'would do, in order:' : 'nothing to set up; would lint and run every test:');
    steps.forEach((s, i) => say(`  ${i + 1}. ${describeStep(s)}`));
    if (privileged.length && !root) {
      say(
        sudo
          ? 'not root: would use sudo for the steps marked (as root)'
          : 'not root and no sudo: could not do the steps marked (as root)',
      );
    }
    process.exit(setup.length ? 1 : 0);
  }

  if (privileged.length) {
    if (!root && !sudo) {
      say('these steps need root (no sudo here); run them as root, or run npm run test:all as root:');
      privileged.forEach((s) => say(`  ${s.command.join(' ')}`));
      process.exit(1);
    }
    const packages = privileged.filter((s) => s.kind === 'apt').flatMap((s) => s.packages);
    say(
      `acting as root (${root ? 'uid 0' : 'through sudo'}) to ${[
        packages.length ? `install Debian packages: ${packages.join(' ')}` : '',
        privileged.some((s) => s.kind === 'slurm')
          ? 'start Slurm (munge, slurmctld, slurmd; installed from Debian if missing)'
          : '',
      ]
        .filter(Boolean)
        .join('; ')}`,
    );
  }
  for (const step of setup) {
    const status = run(step, !root);
    if (status !== 0) {
      say(`failed (exit ${status}): ${describeStep(step)}`);
      process.exit(status);
    }
  }
  if (setup.length) {
    const after = probe([]);
    const still = Object.entries(after.missing).filter(([, why]) => why);
    if (after.install) still.push(['npm', after.install]);
    if (still.length) {
      still.forEach(([id, why]) => say(`still missing after setup: ${id}: ${why}`));
      process.exit(1);
    }
  }
  say(
    `setup ${setup.length ? 'done' : 'checked, nothing to do'} in ${((Date.now() - started) / 1000).toFixed(1)} s; linting, then running every test`,
  );
  for (const step of steps.filter((s) => s.kind === 'lint')) {
    const status = run(step, false);
    if (status !== 0) {
      say(`failed (exit ${status}): ${describeStep(step)}; fix what it names (npm run format fixes the formatting)`);
      process.exit(status);
    }
  }
  process.exit(run(steps.at(-1), false));
}

main();
