import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quantile, roundTarget } from '../../harness/tuning/targets.js';
import { cli, tempDir } from '../helpers/cli.js';
import { trialsOf } from '../helpers/trials.js';

/** The JSON document `calibrate` prints after its progress lines. */
function resultOf(stdout: string) {
  return JSON.parse(stdout.slice(stdout.indexOf('\n{') + 1));
}

const BASE = ['calibrate', 'teacher-student', '--steps', '100', '--seeds', '3', '--backend', 'wasm', '--workers', '2'];

describe('calibrate --tune (the reference baseline tuned like any arm)', () => {
  it('tunes on tuning seeds, runs the calibration seeds at the chosen point, and sets the target from them', () => {
    const out = tempDir();
    const r = cli([...BASE, '--tune', '2x2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const res = resultOf(r.stdout);
    const trials = [...trialsOf(out).values()];
    const tune = trials.filter((t) => t.config.repeat.purpose === 'tune');
    const seeds = trials.filter((t) => t.config.repeat.purpose === 'calibrate');
    expect(tune).toHaveLength(4);
    expect(seeds).toHaveLength(3);
    // Tuning trials train the whole generous budget on their own seeds, each at its Halton point.
    expect(new Set(tune.map((t) => t.config.repeat.index))).toEqual(new Set([0, 1, 2, 3]));
    for (const t of tune)
      expect([t.config.budget.steps, t.config.stopAtTarget, t.curve.at(-1)!.step]).toEqual([100, false, 100]);
    // The choice: each study's best trial by its best validation loss, the better study's winner (lower median of 2).
    const rows = res.tuning.trials as Array<{
      study: number;
      point: { learningRate: number };
      best: number;
      winner: boolean;
    }>;
    const winners = [0, 1].map((k) => rows.filter((x) => x.study === k).reduce((a, b) => (b.best < a.best ? b : a)));
    expect(rows.filter((x) => x.winner)).toEqual(winners);
    const chosen = winners.reduce((a, b) => (b.best < a.best ? b : a)).point;
    expect(res.tuning.chosen).toEqual(chosen);
    expect(r.stderr).toContain(`tuned nadamw: chose ${JSON.stringify(chosen)}`);
    // Each recorded best is the trial's own best over its curve.
    for (const x of rows) {
      const t = tune.find((t) => t.config.method.hparams.learningRate === x.point.learningRate)!;
      expect(x.best).toBe(Math.min(...t.curve.map((p) => p.metrics['validation/loss']!)));
    }
    // The calibration seeds ran the chosen point; the target is the 80th percentile of their bests.
    for (const t of seeds) expect(t.config.method.hparams.learningRate).toBe(chosen.learningRate);
    const bests = seeds
      .sort((a, b) => a.config.repeat.index - b.config.repeat.index)
      .map((t) => Math.min(...t.curve.map((p) => p.metrics['validation/loss']!)));
    expect(res.bestPerSeed).toEqual(bests.map((v) => Number(v.toFixed(5))));
    expect(res.target).toBe(roundTarget(quantile(bests, 0.8), 'lower'));
    // A rerun reuses every trial.
    const again = cli([...BASE, '--tune', '2x2', '--out', out]);
    expect(again.stdout).toContain('baseline tuning: 0 trials to run, 4 already done');
    expect(resultOf(again.stdout).target).toBe(res.target);
  });

  it("--outcome final reads each seed's last eval", () => {
    const out = tempDir();
    const r = cli([...BASE, '--outcome', 'final', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const res = resultOf(r.stdout);
    const seeds = [...trialsOf(out).values()].sort((a, b) => a.config.repeat.index - b.config.repeat.index);
    expect(res.outcome).toBe('final');
    expect(res.finalPerSeed).toEqual(seeds.map((t) => Number(t.curve.at(-1)!.metrics['validation/loss']!.toFixed(5))));
    expect(res.tuning).toBeUndefined();
  });

  it('refuses a malformed --tune with a coded error and runs nothing', () => {
    const out = join(tempDir(), 'run');
    const r = cli([...BASE, '--tune', '2by6', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E_BAD_OPTION');
    expect(r.stderr).toContain('--tune 2x6');
    expect(trialsOf(out).size).toBe(0);
  });
});
