import { ReprobenchError } from '../errors.js';

/** A CSV table as strings: the header row and the data rows. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Parses the plain CSV AlgoPerf writes (pandas `to_csv` of numbers): comma-separated, no quoting,
 * no embedded commas or newlines. The v0.5/v0.6 logs were checked to contain no quote character
 * and no array-valued cell (docs/algoperf.md), so a full CSV library would add nothing; a quote
 * is refused rather than misread, so a future file that needs one fails loudly.
 * @param source the file, for messages
 * @throws ReprobenchError E_DATA on a quote or a row whose width differs from the header's
 */
export function parsePlainCsv(text: string, source: string): CsvTable {
  if (text.includes('"')) {
    throw new ReprobenchError(
      'E_DATA',
      `${source}: quoted CSV fields are not supported by the AlgoPerf importer`,
      'AlgoPerf eval_measurements.csv files hold only numbers; check that this file is one',
    );
  }
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0)
    throw new ReprobenchError(
      'E_DATA',
      `${source}: the file is empty (no header row)`,
      'a trial that never evaluated still has a header; the file may be truncated',
    );
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(',');
    if (cells.length !== header.length) {
      throw new ReprobenchError(
        'E_DATA',
        `${source}: row ${i + 2} has ${cells.length} fields, the header ${header.length}`,
        'the file may be truncated or hand-edited',
      );
    }
    return cells;
  });
  return { header, rows };
}

/**
 * A numeric cell: '' (pandas' missing value) and 'nan' become null, as do infinities (JSON cannot
 * hold them, and a non-finite metric never meets a target); anything else that is not a number is
 * an error.
 * @throws ReprobenchError E_DATA naming the column
 */
export function numericCell(cell: string, column: string, source: string): number | null {
  const s = cell.trim();
  if (s === '' || /^[-+]?(nan|inf|infinity)$/i.test(s)) return null;
  const v = Number(s);
  if (!Number.isFinite(v))
    throw new ReprobenchError(
      'E_DATA',
      `${source}: column ${column} holds "${cell}", not a number`,
      'AlgoPerf eval_measurements.csv files hold only numbers',
    );
  return v;
}
