import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../../../harness/store/schemas.js';
import { ROOT } from '../../../helpers/cli.js';

describe('documented JSON Schemas', () => {
  it.each(Object.entries(schemaFiles()))(
    'docs/schemas/%s is generated from the zod schema (run `npx tsx scripts/write-schemas.ts`)',
    (name, schema) => {
      expect(JSON.parse(readFileSync(join(ROOT, 'docs', 'schemas', name), 'utf8'))).toEqual(schema);
    },
  );
});
