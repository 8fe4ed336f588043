import { describe, expect, it } from 'vitest';
import { CappedLog, LOG_HEAD_CHARS, LOG_TAIL_CHARS } from '../../../../../harness/runner/external/capped-log.js';

describe('capped trainer log', () => {
  it('keeps a short log whole', () => {
    const log = new CappedLog();
    log.append('hello ');
    log.append(Buffer.from('wörld\n'));
    expect(log.text()).toBe('hello wörld\n');
    expect(log.truncated).toBe(false);
    expect(log.bytes).toBe(13);
  });

  it('keeps the head and the tail of a long log, saying how much was left out', () => {
    const log = new CappedLog();
    const body = Array.from({ length: 5000 }, (_, i) => `line ${i}\n`).join('');
    for (let i = 0; i < body.length; i += 777) log.append(body.slice(i, i + 777));
    const text = log.text();
    expect(log.truncated).toBe(true);
    expect(text.startsWith(body.slice(0, LOG_HEAD_CHARS))).toBe(true);
    expect(text.endsWith(body.slice(-LOG_TAIL_CHARS))).toBe(true);
    expect(text).toContain(
      `[… ${body.length - LOG_HEAD_CHARS - LOG_TAIL_CHARS} characters of the trainer's stderr left out …]`,
    );
    expect(log.lastChars(20)).toBe(body.slice(-20));
  });
});
