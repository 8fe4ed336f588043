export { ReprobenchError, isReprobenchError } from './errors.js';
export type { ErrorCode } from './errors.js';
