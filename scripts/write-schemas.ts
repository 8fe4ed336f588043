// Regenerates the JSON Schemas of the stored result formats from their zod schemas:
//   npx tsx scripts/write-schemas.ts
// A unit test fails when the committed files are stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFiles } from '../harness/store/schemas.js';

for (const [name, schema] of Object.entries(schemaFiles())) {
  writeFileSync(join(import.meta.dirname, '..', 'docs', 'schemas', name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote docs/schemas/${name}`);
}
