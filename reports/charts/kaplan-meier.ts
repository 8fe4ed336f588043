import { area, curveStepAfter, line } from 'd3-shape';
import { axes, colorOf, DEFAULT_FRAME, esc, fmt, legend, scales, svg } from './svg.js';

export interface KmSeries {
  name: string;
  /** Event times (steps) and the survival just after each, starting from (0, 1). */
  times: number[];
  survival: number[];
  lower: number[];
  upper: number[];
  median: number | null;
}

/** Fraction of seeds that have not yet reached the target, against steps, with the pointwise CI. */
export function kaplanMeierChart(input: { title: string; unit: string; horizon: number; series: KmSeries[] }): string {
  const shell = scales(DEFAULT_FRAME, [0, input.horizon], [0, 1]);
  const { x, y } = shell;
  const xr = x.range() as [number, number];
  const parts: string[] = [axes(shell, input.unit, 'not yet at target')];
  input.series.forEach((s, i) => {
    // Extend each step function to the horizon so censored tails stay visible.
    const t = [0, ...s.times, input.horizon];
    const sv = [1, ...s.survival, s.survival.at(-1) ?? 1];
    const lo = [1, ...s.lower, s.lower.at(-1) ?? 1];
    const hi = [1, ...s.upper, s.upper.at(-1) ?? 1];
    const idx = t.map((_, k) => k);
    const band =
      area<number>()
        .curve(curveStepAfter)
        .x((k) => x(t[k]!))
        .y0((k) => y(lo[k]!))
        .y1((k) => y(hi[k]!))(idx) ?? '';
    const path =
      line<number>()
        .curve(curveStepAfter)
        .x((k) => x(t[k]!))
        .y((k) => y(sv[k]!))(idx) ?? '';
    parts.push(
      `<g class="series" data-series="s${i}"><path class="band" d="${band}" fill="${colorOf(i)}" fill-opacity="0.15"/>` +
        `<path class="km" d="${path}" fill="none" stroke="${colorOf(i)}" stroke-width="2"><title>${esc(s.name)}: KM median ${s.median === null ? 'not reached' : fmt(s.median)}</title></path></g>`,
    );
  });
  const half = y(0.5);
  parts.push(`<line class="target" x1="${xr[0]}" x2="${xr[1]}" y1="${half}" y2="${half}" stroke-dasharray="2 3"/>`);
  parts.push(
    legend(
      shell,
      input.series.map((s, i) => ({ name: s.name, color: colorOf(i), key: `s${i}` })),
    ),
  );
  const desc =
    `Kaplan–Meier estimate of the share of seeds not yet at the target against ${input.unit}; ` +
    input.series
      .map(
        (s) =>
          `${s.name}: median ${s.median === null ? 'not reached within the budget' : `${fmt(s.median)} ${input.unit}`}`,
      )
      .join('; ') +
    '.';
  return svg(shell, input.title, desc, parts.join(''), 'kaplan-meier');
}
