import { describe, expect, it } from 'vitest';
import { adanClaim } from '../../../../benchmarks/claims/adan.js';
import { rexClaim } from '../../../../benchmarks/claims/rex.js';
import type { ClaimDefinition } from '../../../../harness/core/claim.js';
import type { SeedPaper } from '../../../../harness/core/paper.js';
import { checkPapers, listPapers } from '../../../../harness/core/papers.js';
import { createRegistries } from '../../../../harness/core/registries.js';

const paper = (n: number, extra: Partial<SeedPaper> = {}): SeedPaper => ({
  paper: n,
  title: `Paper ${n}`,
  year: 2024,
  quote: 'a claim in its words',
  status: 'not-yet-run',
  reason: 'planned miniature: something small',
  ...extra,
});
const adan = paper(22, { status: 'claim', claims: ['adan'], reason: 'Adan vs AdamW' });
const rex = paper(34, { status: 'claim', claims: ['rex'], reason: 'REX vs linear' });

function registries(
  papers: SeedPaper[],
  user: ClaimDefinition[] = [],
  builtIn: ClaimDefinition[] = [adanClaim, rexClaim],
) {
  return createRegistries([
    { defs: { claims: builtIn, papers }, origin: 'built-in' },
    { defs: { claims: user }, origin: 'reprobench.config.ts' },
  ]);
}
const refused = (papers: SeedPaper[], message: RegExp, user: ClaimDefinition[] = []) =>
  expect(() => checkPapers(registries(papers, user))).toThrow(
    expect.objectContaining({ code: 'E_BAD_CONFIG', message: expect.stringMatching(message) }),
  );

describe('checkPapers', () => {
  it('accepts papers and cards that agree', () => {
    expect(() => checkPapers(registries([adan, rex, paper(48)]))).not.toThrow();
  });

  it('refuses a claim entry naming a card that does not exist, or one that cites another paper', () => {
    refused([{ ...adan, claims: ['adan', 'adamm'] }, rex], /#22 names claim "adamm", which is not a built-in card/);
    refused(
      [adan, rex, paper(35, { status: 'claim', claims: ['rex'] })],
      /#35 names claim "rex", whose card cites #34/,
    );
  });

  it('refuses a card that cites a paper whose entry does not name it, or a paper that is not listed', () => {
    refused([adan, paper(34)], /claim "rex" cites seed paper #34, whose entry \(not-yet-run\) does not name it/);
    refused([adan], /claim "rex" cites seed paper #34, which is not in the catalogue/);
  });

  it('refuses duplicate numbers and entries that break the schema', () => {
    refused([adan, rex, paper(48), paper(48, { title: 'Other' })], /#48 is listed twice/);
    refused([adan, rex, paper(48, { status: 'claim' })], /claims: status 'claim' names its cards/);
    refused([adan, rex, paper(48, { where: ['docs/stats.md'] })], /where: only a 'methodology' entry has `where`/);
    refused([adan, rex, paper(55, { status: 'methodology' })], /where: status 'methodology' says where the rule lives/);
    refused([adan, rex, { ...paper(48), extra: 1 } as SeedPaper], /Unrecognized key/);
  });

  it("refuses a user's card that cites a number the catalogue does not have", () => {
    const mine = { ...adanClaim, id: 'mine', paper: { ...adanClaim.paper, catalogue: 999 } };
    refused([adan, rex], /claim "mine" cites seed paper #999, which is not in the catalogue/, [mine]);
  });
});

describe('listPapers', () => {
  it('lists by number, with the where of a methodology entry in its reason', () => {
    const algoperf = paper(55, { status: 'methodology', where: ['docs/algoperf.md'], reason: 'the harness template' });
    const list = listPapers(registries([algoperf, rex, adan]));
    expect(list.map((p) => p.paper)).toEqual([22, 34, 55]);
    expect(list[2]).toEqual({
      paper: 55,
      title: 'Paper 55',
      year: 2024,
      quote: 'a claim in its words',
      status: 'methodology',
      claims: [],
      reason: 'the harness template (in docs/algoperf.md)',
    });
  });

  it("adds a user's card to the paper it cites, keeping the shipped status in the reason", () => {
    const mine = { ...adanClaim, id: 'mine', paper: { ...adanClaim.paper, catalogue: 48 } };
    const also = { ...adanClaim, id: 'also-adan', paper: { ...adanClaim.paper, catalogue: 22 } };
    const list = listPapers(registries([adan, rex, paper(48)], [mine, also]));
    expect(list.find((p) => p.paper === 48)).toMatchObject({
      status: 'claim',
      claims: ['mine'],
      reason: 'a card in reprobench.config.ts; shipped as not-yet-run: planned miniature: something small',
    });
    expect(list.find((p) => p.paper === 22)).toMatchObject({
      status: 'claim',
      claims: ['adan', 'also-adan'],
      reason: 'Adan vs AdamW',
    });
  });
});
