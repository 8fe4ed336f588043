/**
 * Every error a user can cause carries a stable `code` (for scripts and tests) and a `hint`
 * that says what to do next. The CLI prints both and exits non-zero; nothing already stored
 * is touched when one is thrown.
 */
export type ErrorCode =
  | 'E_UNKNOWN_ID'
  | 'E_DUPLICATE_ID'
  | 'E_BAD_OPTION'
  | 'E_BAD_CONFIG'
  | 'E_CORRUPT_RESULT'
  | 'E_SCHEMA_VERSION'
  | 'E_IMPOSSIBLE_BUDGET'
  | 'E_BACKEND_UNAVAILABLE'
  | 'E_DATA'
  | 'E_STATS_INPUT'
  | 'E_STATS_DEGENERATE'
  | 'E_REFERENCE_TAMPERED'
  | 'E_NO_REFERENCE'
  | 'E_CARD_UNCOMMITTED'
  | 'E_NOT_A_RUN'
  | 'E_SCORING_INPUT'
  | 'E_IMPORT_LAYOUT'
  | 'E_TUNING_INCOMPLETE'
  | 'E_RUN_INCOMPLETE'
  | 'E_MERGE_CONFLICT'
  | 'E_MERGE_MISMATCH'
  | 'E_SLURM_UNAVAILABLE'
  | 'E_SLURM_BUSY'
  | 'E_SLURM_SUBMIT'
  | 'E_RUN_DIR_CONFLICT'
  | 'E_FILESYSTEM'
  | 'E_NO_USABLE_TRIAL'
  | 'E_PLAN_TOO_LARGE'
  | 'E_IMPORT_EMPTY'
  | 'E_INTERNAL';

export class ReprobenchError extends Error {
  override readonly name = 'ReprobenchError';
  readonly code: ErrorCode;
  readonly hint: string;

  constructor(code: ErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.hint = hint;
  }

  /** One block for the terminal: `error E_CODE: message` and the hint on its own line. */
  format(): string {
    return `error ${this.code}: ${this.message}\n  hint: ${this.hint}`;
  }
}

export function isReprobenchError(e: unknown): e is ReprobenchError {
  return e instanceof ReprobenchError;
}
