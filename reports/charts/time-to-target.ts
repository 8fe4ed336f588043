import { axes, colorOf, esc, fmt, scales, svg, type Frame } from './svg.js';

export interface SeedOutcome {
  repeat: number;
  value: number;
  kind: 'reached' | 'censored' | 'diverged';
}

export interface TttInput {
  title: string;
  unit: string;
  budget: number;
  arms: Array<{ name: string; seeds: SeedOutcome[] }>;
}

/**
 * One row of dots per method: filled where the seed reached the target, hollow at the budget
 * where it was censored, a cross where it diverged; the dashed line is the budget.
 */
export function timeToTarget(input: TttInput): string {
  const rowH = 34;
  const frame: Frame = {
    width: 640,
    height: 70 + rowH * input.arms.length,
    margin: { top: 34, right: 150, bottom: 44, left: 110 },
  };
  const max = Math.max(input.budget, ...input.arms.flatMap((a) => a.seeds.map((s) => s.value)));
  const shell = scales(frame, [0, max * 1.02], [0, input.arms.length]);
  const { x } = shell;
  const parts: string[] = [axes(shell, input.unit, '', { yTicks: 0 })];
  const bx = x(input.budget);
  parts.push(
    `<line class="budget" x1="${bx}" x2="${bx}" y1="${frame.margin.top}" y2="${frame.height - frame.margin.bottom}"/><text class="target-label" x="${bx}" y="${frame.margin.top - 4}" text-anchor="middle">budget</text>`,
  );
  input.arms.forEach((a, i) => {
    const cy = frame.margin.top + rowH * (i + 0.5);
    const c = colorOf(i);
    parts.push(`<text class="tick" x="${frame.margin.left - 8}" y="${cy + 4}" text-anchor="end">${esc(a.name)}</text>`);
    a.seeds.forEach((s, k) => {
      const cx = x(s.value);
      const jy = cy + ((k % 5) - 2) * 3; // small vertical jitter by seed index so ties stay visible
      const tip = `<title>${esc(a.name)} seed ${s.repeat}: ${s.kind === 'reached' ? `${fmt(s.value)} ${input.unit}` : s.kind}</title>`;
      if (s.kind === 'reached')
        parts.push(`<circle class="seed reached" cx="${cx}" cy="${jy}" r="4" fill="${c}">${tip}</circle>`);
      else if (s.kind === 'censored')
        parts.push(
          `<circle class="seed censored" cx="${cx}" cy="${jy}" r="4" fill="none" stroke="${c}" stroke-width="1.5">${tip}</circle>`,
        );
      else
        parts.push(
          `<path class="seed diverged" d="M${cx - 4} ${jy - 4}L${cx + 4} ${jy + 4}M${cx - 4} ${jy + 4}L${cx + 4} ${jy - 4}" stroke="#B00020" stroke-width="2">${tip}</path>`,
        );
    });
  });
  const x0 = frame.width - frame.margin.right + 12;
  parts.push(
    `<g class="legend" transform="translate(${x0} ${frame.margin.top + 4})"><circle cx="6" cy="0" r="4" fill="#333"/><text x="16" y="4">reached</text>` +
      `<circle cx="6" cy="18" r="4" fill="none" stroke="#333" stroke-width="1.5"/><text x="16" y="22">censored</text>` +
      `<path d="M2 32L10 40M2 40L10 32" stroke="#B00020" stroke-width="2"/><text x="16" y="40">diverged</text></g>`,
  );
  const desc =
    `${input.unit} to target per seed: ` +
    input.arms
      .map((a) => {
        const r = a.seeds.filter((s) => s.kind === 'reached');
        return `${a.name} ${r.length} of ${a.seeds.length} reached (${r.map((s) => fmt(s.value)).join(', ') || 'none'}), ${a.seeds.filter((s) => s.kind === 'censored').length} censored, ${a.seeds.filter((s) => s.kind === 'diverged').length} diverged`;
      })
      .join('; ') +
    `; budget ${fmt(input.budget)}.`;
  return svg(shell, input.title, desc, parts.join(''), 'time-to-target');
}
