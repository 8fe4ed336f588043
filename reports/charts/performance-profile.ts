import { curveStepAfter, line } from 'd3-shape';
import { axes, colorOf, DEFAULT_FRAME, esc, fmt, legend, scales, svg } from './svg.js';

/** AlgoPerf performance profiles: the share of workloads each entry solves within τ × the fastest time. */
export function performanceProfileChart(input: {
  title: string;
  taus: number[];
  series: Array<{ name: string; rho: number[]; score: number }>;
}): string {
  // Entry names can be long (`method · claim`): a wider legend margin keeps them whole.
  const longest = Math.max(10, ...input.series.map((s) => s.name.length + 9));
  const right = Math.min(420, 40 + longest * 6.2);
  const shell = scales(
    { ...DEFAULT_FRAME, width: 490 + right, margin: { ...DEFAULT_FRAME.margin, right } },
    [1, Math.max(...input.taus)],
    [0, 1],
  );
  const { x, y } = shell;
  const parts: string[] = [axes(shell, 'τ (time ÷ fastest time on the workload)', 'share of workloads within τ')];
  input.series.forEach((s, i) => {
    const d =
      line<number>()
        .curve(curveStepAfter)
        .x((_, k) => x(input.taus[k]!))
        .y((v) => y(v))(s.rho) ?? '';
    parts.push(
      `<g class="series" data-series="s${i}"><path class="profile" d="${d}" fill="none" stroke="${colorOf(i)}" stroke-width="2"><title>${esc(s.name)}: score ${fmt(s.score)}</title></path></g>`,
    );
  });
  parts.push(
    legend(
      shell,
      input.series.map((s, i) => ({ name: `${s.name} (${fmt(s.score)})`, color: colorOf(i), key: `s${i}` })),
    ),
  );
  const desc =
    'Performance profiles, with the AlgoPerf benchmark score (area under the profile over τ in [1, 4], divided by 3): ' +
    input.series
      .map((s) => `${s.name} ${fmt(s.score)}, ρ(1) = ${fmt(s.rho[0] ?? 0)}, ρ(4) = ${fmt(s.rho.at(-1) ?? 0)}`)
      .join('; ') +
    '.';
  return svg(shell, input.title, desc, parts.join(''), 'performance-profile');
}
