import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardHash } from '../../harness/core/preregistration.js';
import { readReference, writeReference } from '../../harness/store/reference.js';
import { cli, tempDir } from '../helpers/cli.js';
import { scratchProject } from '../helpers/project.js';

// A user project in its own git checkout (the scratch folder is ignored by reprobench's own).
const project = scratchProject('check-project');
const CONFIG = join(project, 'reprobench.config.mjs');
const refDir = join(project, 'reference-results', 'check-me');
const refFile = () => join(refDir, readdirSync(refDir)[0]!);
const runDir = tempDir();
const GIT_IDENTITY = ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false'];
const git = (...args: string[]) =>
  execFileSync('git', [...GIT_IDENTITY, '-C', project, ...args], { encoding: 'utf8' }).trim();
const update = () =>
  cli(['reference', 'update', 'check-me', '--preset', 'quick', '--out', runDir], { cwd: project, timeoutMs: 180_000 });

/** The report's pre-registration line, as text. */
function reportLine(): string {
  const r = cli(['report', runDir], { cwd: project });
  expect(r.code, r.stderr).toBe(0);
  const html = readFileSync(join(runDir, 'report.html'), 'utf8');
  const m = /data-k="preregistration"[^>]*>([\s\S]*?)<\/dd>/.exec(html);
  expect(m, 'a pre-registration line in the report').not.toBeNull();
  return m![1]!
    .replace(/<li>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .trim();
}

let first = '';

describe('pre-registration of a user card in a git checkout', () => {
  beforeAll(() => {
    git('init', '-q');
  });

  it('refuses, before anything trains, while the card is not committed', () => {
    const r = update();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error E_CARD_UNCOMMITTED: the card of claim "check-me" \(reprobench\.config\.mjs\) has uncommitted changes/,
    );
    expect(r.stderr).toMatch(/has uncommitted changes \(it was never committed\)/);
    expect(r.stderr).toMatch(/hint: commit it first \(git add reprobench\.config\.mjs && git commit\)/);
    expect(existsSync(join(runDir, 'trials'))).toBe(false);
    expect(existsSync(refDir)).toBe(false);
  });

  it('records the committed card (fields, hash, commit) and the report says it is unchanged since its first run', () => {
    git('add', '.');
    git('commit', '-q', '-m', 'card');
    first = git('rev-parse', 'HEAD');
    const r = update();
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`card pre-registered: reprobench\\.config\\.mjs at ${first.slice(0, 10)}, hash [0-9a-f]{12}`),
    );
    const { card } = readReference(refFile());
    expect(card).toBeDefined();
    expect(card!.file).toBe('reprobench.config.mjs');
    expect(card!.run).toEqual(card!.firstRun);
    expect(card!.run.commit).toBe(first);
    expect(card!.run.fields).toMatchObject({
      margin: { value: 0.1, units: 'relative' },
      repeats: { quick: 3, standard: 4 },
      testType: 'time-to-target',
    });
    expect(card!.run.hash).toBe(cardHash(card!.run.fields));
    expect(reportLine()).toBe(`card unchanged since its first run (${first.slice(0, 10)})`);
  });

  it('after the card is edited and committed, a refresh keeps the first run and lists what changed, field by field', () => {
    const was = "margin: { value: 0.1, units: 'relative' }, repeats: { quick: 3, standard: 4 }";
    const now = "margin: { value: 0.2, units: 'relative' }, repeats: { quick: 3, standard: 6 }";
    writeFileSync(CONFIG, readFileSync(CONFIG, 'utf8').replace(was, now));
    expect(update().code).toBe(2); // edited, not committed
    git('commit', '-q', '-am', 'wider margin');
    const second = git('rev-parse', 'HEAD');
    const r = update();
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const since = `card changed since its first run (${first.slice(0, 10)})`;
    expect(r.stdout).toContain(`${since}: margin.value: 0.1 → 0.2; repeats.standard: 4 → 6`);
    const { card } = readReference(refFile());
    expect([card!.firstRun.commit, card!.run.commit]).toEqual([first, second]);
    expect(reportLine()).toBe(`${since}:\nmargin.value: 0.1 → 0.2\nrepeats.standard: 4 → 6`);
  });

  it('says so when the reference predates pre-registration', () => {
    const { contentHash: _h, card: _c, ...older } = readReference(refFile());
    writeReference(refFile(), older);
    expect(reportLine()).toBe('card not recorded: the reference predates pre-registration');
  });
});
