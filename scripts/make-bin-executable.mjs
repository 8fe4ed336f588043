// tsc writes dist/ files as 0644; `npx reprobench` (and the linked bin of an installed copy) runs
// the bin file directly, so it must be executable ("sh: reprobench: Permission denied" otherwise).
import { chmodSync, readFileSync } from 'node:fs';

const { bin } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const file of Object.values(bin)) chmodSync(new URL(`../${file}`, import.meta.url), 0o755);
