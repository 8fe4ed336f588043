import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import type { PlannedTrial } from '../../../../harness/plan/plan.js';
import { lineReporter, ttyReporter } from '../../../../harness/scheduler/progress.js';

const trial = {
  id: 'abc',
  label: 'adan · fashion-mnist-mlp · eval#0',
  config: { budget: { steps: 1000 } },
} as unknown as PlannedTrial;
const record = {
  status: 'reached',
  outcome: { stepsToTarget: 450, secondsToTarget: 6.1, stepsRun: 450, reason: '' },
} as unknown as TrialRecord;

describe('progress', () => {
  it('writes plain lines when stdout is not a TTY', () => {
    const lines: string[] = [];
    const r = lineReporter((l) => lines.push(l));
    r.phase('evaluation', 3, 1);
    r.started!(0, trial);
    r.progress!(0, trial, { step: 25, totalSteps: 1000, metric: 0.5, trainSeconds: 1 }); // throttled: too soon after start
    r.finished!(0, trial, record);
    expect(lines).toEqual([
      'evaluation: 3 trials to run, 1 already done',
      '[w1] start adan · fashion-mnist-mlp · eval#0',
      '[w1] done adan · fashion-mnist-mlp · eval#0: reached at step 450 (6.1 s train) [1/3]',
    ]);
  });

  it('draws a bar per worker with trial, step, metric and ETA on a TTY', async () => {
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 160,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    }) as unknown as NodeJS.WriteStream;
    let text = '';
    (stream as unknown as PassThrough).on('data', (d: Buffer) => (text += d.toString()));
    const r = ttyReporter(2, stream);
    r.phase('tuning', 4, 0);
    r.started!(1, trial);
    r.progress!(1, trial, { step: 500, totalSteps: 1000, metric: 0.8612, trainSeconds: 5 });
    await new Promise((res) => setTimeout(res, 250));
    r.stop();
    expect(text).toContain('w2 adan · fashion-mnist-mlp · eval#0');
    expect(text).toContain('500/1000 steps');
    expect(text).toContain('0.8612');
    expect(text).toContain('ETA');
  });
});
