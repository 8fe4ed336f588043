import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAlgoPerfLogs } from '../../../../harness/importers/algoperf.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { subsetCopy, tmp } from './fixture.js';

describe('an import that imports no trial', () => {
  it('fails with E_IMPORT_EMPTY and the first skip reason, and writes nothing (it used to exit 0)', () => {
    const root = subsetCopy();
    // A target file that names none of the logged workloads: every entry is skipped.
    const targetsFile = join(root, 'scoring', 'workload_targets_v05.json');
    const targets = JSON.parse(readFileSync(targetsFile, 'utf8'));
    targets.workloads = Object.fromEntries(Object.entries(targets.workloads).map(([k, v]) => [`other_${k}`, v]));
    writeFileSync(targetsFile, JSON.stringify(targets));
    const out = join(tmp(), 'imported');
    let err: unknown;
    try {
      importAlgoPerfLogs(join(root, 'previous_leaderboards', 'algoperf_v05', 'logs'), { out, ruleset: 'external' });
    } catch (e) {
      err = e;
    }
    expect(isReprobenchError(err) && err.code).toBe('E_IMPORT_EMPTY');
    expect((err as Error).message).toMatch(
      /^no trial imported from .*external_tuning: 4 submission folders, \d+ entries skipped /,
    );
    expect((err as Error).message).toMatch(/\(first: .*eval_measurements\.csv: no target for workload/);
    expect(existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith('.')) : []).toEqual([]);
  });
});
