import { z } from 'zod';
import { TrialFileSchema } from './trial-integrity.js';
import { ReferenceFileSchema } from './reference.js';

/** JSON Schemas (draft 2020-12) of the files reprobench stores, generated from the zod schemas. */
export function schemaFiles(): Record<string, unknown> {
  const gen = (s: z.ZodType, title: string) => ({
    title,
    ...(z.toJSONSchema(s, { target: 'draft-2020-12' }) as object),
  });
  return {
    'reference-results.schema.json': gen(
      ReferenceFileSchema,
      'reprobench reference results (reference-results/<claim>/<numerics-class>.json)',
    ),
    'trial.schema.json': gen(
      TrialFileSchema,
      'reprobench trial record (<run-dir>/trials/<id>.json; schema version 1 files, which lack contentHash, are still read)',
    ),
  };
}
