import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, parseTrainerLine } from '../../../../../harness/runner/external/protocol.js';

describe('trainer protocol lines', () => {
  it('parses each message type', () => {
    expect(parseTrainerLine('{"type":"start","framework":"torch 1.13.0","initSeconds":1.5}')).toEqual({
      ok: true,
      message: { type: 'start', framework: 'torch 1.13.0', initSeconds: 1.5 },
    });
    expect(parseTrainerLine('{"type":"progress","step":25,"examples":3200,"trainSeconds":0.5,"loss":0.7}')).toEqual({
      ok: true,
      message: { type: 'progress', step: 25, examples: 3200, trainSeconds: 0.5, loss: 0.7 },
    });
    expect(
      parseTrainerLine('{"type":"eval","step":25,"metrics":{"validation/accuracy":0.8,"x":null},"evalSeconds":0.1}'),
    ).toEqual({
      ok: true,
      message: { type: 'eval', step: 25, metrics: { 'validation/accuracy': 0.8, x: null }, evalSeconds: 0.1 },
    });
    expect(parseTrainerLine('{"type":"final","step":1000}')).toEqual({
      ok: true,
      message: { type: 'final', step: 1000 },
    });
  });

  it('ignores unknown extra fields (forward compatible)', () => {
    const r = parseTrainerLine('{"type":"final","step":3,"note":"done"}');
    expect(r).toEqual({ ok: true, message: { type: 'final', step: 3 } });
  });

  it('reads non-finite numbers written by Python json (bare tokens) or as strings, but not inside other strings', () => {
    const bare = parseTrainerLine('{"type":"progress","step":2,"examples":64,"trainSeconds":0.1,"loss":NaN}');
    expect(bare.ok && bare.message.type === 'progress' && Number.isNaN(bare.message.loss)).toBe(true);
    const inf = parseTrainerLine(
      '{"type":"eval","step":2,"metrics":{"a":Infinity,"b":-Infinity,"c":"NaN"},"evalSeconds":0}',
    );
    expect(inf.ok && inf.message.type === 'eval' ? inf.message.metrics : null).toEqual({
      a: Infinity,
      b: -Infinity,
      c: NaN,
    });
    const quoted = parseTrainerLine('{"type":"start","framework":"NaN Infinity build"}');
    expect(quoted).toEqual({ ok: true, message: { type: 'start', framework: 'NaN Infinity build' } });
  });

  it.each([
    ['hello', /^not a JSON object \(/],
    ['[1, 2]', /^not a JSON object$/],
    ['{"step": 1}', /^unknown message type null/],
    ['{"type": "progress", "step": 1.5, "examples": 1, "trainSeconds": 0}', /^progress message: step: /],
    ['{"type": "progress", "step": 0, "examples": 1, "trainSeconds": 0}', /^progress message: step: /],
    ['{"type": "progress", "step": 1, "examples": -1, "trainSeconds": 0}', /^progress message: examples: /],
    ['{"type": "progress", "step": 1, "examples": 1, "trainSeconds": "fast"}', /^progress message: trainSeconds: /],
    ['{"type": "eval", "step": 1, "evalSeconds": 0}', /^eval message: metrics: /],
    ['{"type": "eval", "step": 1, "metrics": {"a": "high"}, "evalSeconds": 0}', /^eval message: metrics\.a: /],
    ['{"type": "final"}', /^final message: step: /],
    ['{"type": "progress", "step": 1, "examples": 1, "trainSeconds": NaN}', /^progress message: trainSeconds: /],
  ])('rejects %s with a reason', (line, reason) => {
    const r = parseTrainerLine(line);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(reason);
  });

  it('rejects lines longer than the limit', () => {
    const r = parseTrainerLine(`{"type":"start","framework":"${'x'.repeat(MAX_LINE_CHARS)}"}`);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^line is \d+ characters long/) });
  });
});
