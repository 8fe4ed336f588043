import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where datasets and backend probe results are cached: `$REPROBENCH_CACHE`, else ~/.cache/reprobench. */
export function defaultCacheDir(): string {
  return process.env.REPROBENCH_CACHE || join(homedir(), '.cache', 'reprobench');
}
