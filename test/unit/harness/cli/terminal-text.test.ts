import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from '../../../../harness/cli/terminal-text.js';

const ESC = '\u001b';

describe('text for the terminal: no control sequences from user text', () => {
  it.each([
    ['a window-title escape (OSC ... BEL)', `Title ${ESC}]0;pwned\u0007 end`, 'Title  end'],
    ['a clear-screen escape (CSI)', `A${ESC}[2J${ESC}[HB`, 'AB'],
    ['a colour escape', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['an 8-bit CSI (C1)', 'x\u009b31my', 'xy'],
    ['a carriage return that would overwrite the line', 'safe\rEVIL', 'safeEVIL'],
    ['backspaces, bell, NUL and DEL', 'a\b\u0007\u0000\u007fb', 'ab'],
    ['bidirectional overrides (Trojan Source)', 'abc\u202edcb\u2066x\u2069', 'abcdcbx'],
    ['tabs', 'a\tb', 'a b'],
  ])('strips %s', (_name, input, want) => {
    expect(terminalText(input)).toBe(want);
  });

  it('keeps line feeds and ordinary Unicode', () => {
    expect(terminalText('line 1\nline 2 — ±5% ∞ 日本')).toBe('line 1\nline 2 — ±5% ∞ 日本');
  });

  it('JSON output escapes what JSON.stringify leaves raw, and parses back to the same value', () => {
    const v = { title: `T ${ESC}]0;x\u0007 \u009b31m \u202e \u007f` };
    const text = terminalJson(v);
    // eslint-disable-next-line no-control-regex -- it looks for control characters in the output
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(text)).toEqual(v);
  });
});
