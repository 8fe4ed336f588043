import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './cli.js';

// The Kubernetes v1.32 batch/v1 Job schema, strict (unknown fields rejected, as the API server's
// strict field validation does); see test/fixtures/kubernetes/NOTICE for where it comes from.
const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'kubernetes', 'job-batch-v1.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
const int = (bits: number) => (x: number) => Number.isInteger(x) && Math.abs(x) < 2 ** (bits - 1);
ajv.addFormat('int32', { type: 'number', validate: int(32) });
ajv.addFormat('int64', { type: 'number', validate: int(64) });
ajv.addFormat('double', { type: 'number', validate: () => true });
ajv.addFormat('byte', { type: 'string', validate: () => true });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
ajv.addFormat('int-or-string', { validate: () => true });
const validateJob = ajv.compile(schema);

/** Schema violations of a Job (empty when valid), one line each. */
export function jobSchemaErrors(doc: unknown): string[] {
  return validateJob(doc)
    ? []
    : validateJob.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
