import { describe, expect, it } from 'vitest';
import { numericCell, parsePlainCsv } from '../../../../harness/importers/csv.js';

describe('plain CSV of AlgoPerf eval measurements', () => {
  it('splits the header and rows, ignoring a trailing newline and CRLF', () => {
    expect(parsePlainCsv('global_step,score,validation/loss\r\n1,2.5,\n10,20.5,0.13\n', 'f.csv')).toEqual({
      header: ['global_step', 'score', 'validation/loss'],
      rows: [
        ['1', '2.5', ''],
        ['10', '20.5', '0.13'],
      ],
    });
    expect(parsePlainCsv('a,b\n', 'f.csv')).toEqual({ header: ['a', 'b'], rows: [] });
  });

  it.each([
    ['a,b\n"1,2",3\n', /quoted CSV fields are not supported/],
    ['a,b\n1,2,3\n', /row 2 has 3 fields, the header 2/],
    ['', /the file is empty/],
  ])('refuses %j with E_DATA naming the file', (text, message) => {
    expect(() => parsePlainCsv(text, 'x/eval_measurements.csv')).toThrow(
      expect.objectContaining({ code: 'E_DATA', message: expect.stringMatching(message) }),
    );
    expect(() => parsePlainCsv(text, 'x/eval_measurements.csv')).toThrow(/x\/eval_measurements\.csv/);
  });

  it('reads numbers; empty, nan and inf become null; text is an error', () => {
    expect(numericCell('0.123735', 'c', 'f')).toBe(0.123735);
    expect(numericCell('1e-05', 'c', 'f')).toBe(1e-5);
    for (const s of ['', 'nan', 'NaN', 'inf', '-inf', 'Infinity']) expect(numericCell(s, 'c', 'f')).toBeNull();
    expect(() => numericCell('[0.1 0.2]', 'validation/loss', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'E_DATA', message: expect.stringContaining('validation/loss') }),
    );
  });
});
