import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { isReprobenchError, ReprobenchError } from '../errors.js';
import { isFsError, fsError, writableDir } from './fs-errors.js';
import { readManifest } from './manifest.js';
import { readShardFiles } from './shard-file.js';

export interface RunDirOptions {
  /** Write into a directory that is not shown to be a run of this claim. */
  force?: boolean;
  /** Create the directory (a dry run only checks). @default true */
  create?: boolean;
  /** The flag that named the directory, for messages. @default '--out' */
  flag?: string;
}

/**
 * Which claim a directory is the run directory of, by its marker: `manifest.json` (written by
 * `run`, `merge`, `slurm`) or `shards/*.json` (written by `run --shard`), both of which name the
 * claim and carry a schema version. `null`: no marker.
 * @throws ReprobenchError E_CORRUPT_RESULT when a marker cannot be read
 */
export function runDirClaim(dir: string): string | null {
  const manifest = readManifest(dir);
  if (manifest) return manifest.claim.id;
  return readShardFiles(dir)[0]?.claim.id ?? null;
}

/**
 * A run of `claim` writes `manifest.json`, `summary.json`, `report.html` and `trials/` into its
 * directory, replacing what is there: so it writes only into a new or empty directory or one whose
 * marker names the same claim. Anything else (a user's folder, another claim's run, the working
 * directory) is refused before anything is written.
 * @throws ReprobenchError E_RUN_DIR_CONFLICT (not this claim's), E_FILESYSTEM (a file, unwritable)
 */
export function claimRunDir(dir: string, claim: string, o: RunDirOptions = {}): void {
  const flag = o.flag ?? '--out';
  const shown = relative(process.cwd(), dir) || '.';
  const elsewhere = `choose another ${flag} (by default runs/${claim})`;
  const fsHint = `give ${flag} a directory you can write (a new one is created)`;
  let entries: string[] = [];
  try {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory())
        throw new ReprobenchError('E_FILESYSTEM', `${flag} ${shown} is a file, not a directory`, fsHint);
      entries = readdirSync(dir);
    }
  } catch (e) {
    if (isFsError(e)) throw fsError(e, `${flag} ${shown} cannot be read`, fsHint);
    throw e;
  }
  if (entries.length > 0 && !o.force) {
    let owner: string | null;
    try {
      owner = runDirClaim(dir);
    } catch (e) {
      if (!isReprobenchError(e) && !isFsError(e)) throw e;
      throw new ReprobenchError(
        'E_RUN_DIR_CONFLICT',
        `${shown} cannot be shown to be a run directory of claim "${claim}": ${e.message}`,
        `if it is this claim's run directory, add --force to rebuild its manifest from the trials there; otherwise ${elsewhere}`,
      );
    }
    if (owner === null) {
      throw new ReprobenchError(
        'E_RUN_DIR_CONFLICT',
        `${shown} is not empty and is not a run directory (no manifest.json or shards/ naming a claim); ` +
          'a run would write manifest.json, summary.json and report.html there',
        `${elsewhere}, or add --force to write there anyway`,
      );
    }
    if (owner !== claim) {
      const what = `${shown} is the run directory of claim "${owner}", not "${claim}"`;
      throw new ReprobenchError('E_RUN_DIR_CONFLICT', what, `${elsewhere}; its trials and report stay as they are`);
    }
  }
  if (o.create ?? true) writableDir(dir, `${flag} ${shown} is not a writable directory`, fsHint);
}
