import type { SeedPaper } from '../../harness/core/paper.js';
import { papers001to035 } from './papers-001-035.js';
import { papers036to070 } from './papers-036-070.js';
import { papers071to106 } from './papers-071-106.js';

/**
 * Every paper of the seed (shared/seed-papers.txt, ranked in claims-catalogue.md) and what the harness
 * does with it. A new card that cites a paper (`paper.catalogue`) moves that paper to status `claim`
 * here and names the card; the registries refuse to load until both agree.
 */
export const seedPapers: SeedPaper[] = [...papers001to035, ...papers036to070, ...papers071to106];
