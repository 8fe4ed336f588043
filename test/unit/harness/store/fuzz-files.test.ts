import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReprobenchError } from '../../../../harness/errors.js';
import { contentHash, readReference } from '../../../../harness/store/reference.js';
import { impossibleOutcome, trialContentHash } from '../../../../harness/store/trial-integrity.js';
import { trialId, TrialRecordSchema } from '../../../../harness/core/trial.js';
import { parseTrialFile, trialPath, writeTrial } from '../../../../harness/store/trial-store.js';
import { ROOT, tempDir } from '../../../helpers/cli.js';
import { mutate, mutations } from '../../../helpers/mutations.js';
import { validTrial } from '../../../helpers/trial-record.js';

/** Reading a damaged file either succeeds or throws a coded error; any other exception is a bug. */
function outcome(read: () => unknown): string {
  try {
    read();
    return 'read';
  } catch (e) {
    expect(isReprobenchError(e), `not a coded error: ${(e as Error)?.stack ?? String(e)}`).toBe(true);
    return (e as { code: string }).code;
  }
}

describe('fuzzing stored files (fast-check, seeded): truncations, bit flips, type swaps, removed keys', () => {
  it('a trial file reads back as a valid record or fails with a coded error naming it', () => {
    const dir = tempDir('reprobench-fuzz-trial-');
    const rec = validTrial(2);
    writeTrial(dir, rec);
    const path = trialPath(dir, rec.id);
    const text = readFileSync(path, 'utf8');
    fc.assert(
      fc.property(mutations, (m) => {
        const damaged = mutate(text, m, (f) => trialContentHash(f));
        const got = outcome(() => parseTrialFile(path, damaged, 'runs/x/trials/t.json'));
        if (got === 'read') {
          const back = parseTrialFile(path, damaged);
          // Without a fresh hash, only damage that changes nothing a reader sees may pass.
          if (!('rehash' in m && m.rehash)) expect(back).toEqual(rec);
          // With one (a deliberate edit), what passes still keeps every promise of a trial record.
          expect(TrialRecordSchema.safeParse(back).success).toBe(true);
          expect(back.id).toBe(trialId(back.config));
          expect(impossibleOutcome(back)).toBeNull();
        } else {
          expect(['E_CORRUPT_RESULT', 'E_SCHEMA_VERSION']).toContain(got);
          expect(() => parseTrialFile(path, damaged, 'runs/x/trials/t.json')).toThrow(/runs\/x\/trials\/t\.json/);
        }
      }),
      { seed: 22, numRuns: 400 },
    );
  });

  it('a committed reference file reads back unchanged or fails with a coded error', () => {
    const source = join(ROOT, 'reference-results', 'ghost-bn');
    const text = readFileSync(join(source, readdirJson(source)), 'utf8');
    const dir = join(tempDir('reprobench-fuzz-ref-'), 'ghost-bn');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'ref.json');
    const original = readReference(join(source, readdirJson(source)));
    fc.assert(
      fc.property(mutations, (m) => {
        writeFileSync(
          path,
          mutate(text, m, (f) => contentHash(withoutHash(f) as never)),
        );
        const got = outcome(() => readReference(path));
        if (got !== 'read') expect(['E_CORRUPT_RESULT', 'E_SCHEMA_VERSION', 'E_REFERENCE_TAMPERED']).toContain(got);
        // Without a fresh hash, only damage that changes nothing a reader sees may pass.
        else if (!('rehash' in m && m.rehash)) expect(readReference(path)).toEqual(original);
      }),
      { seed: 22, numRuns: 60 },
    );
  });
});

function readdirJson(dir: string): string {
  return readdirSync(dir).find((f) => f.endsWith('.json'))!;
}

function withoutHash(f: Record<string, unknown>): Record<string, unknown> {
  const { contentHash: _h, ...rest } = f;
  return rest;
}
