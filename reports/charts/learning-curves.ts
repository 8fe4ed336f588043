import { area, line } from 'd3-shape';
import { axes, colorOf, DEFAULT_FRAME, esc, fmt, legend, scales, svg } from './svg.js';

export interface CurveBand {
  name: string;
  steps: number[];
  median: number[];
  lo: number[];
  hi: number[];
}

export interface LearningCurveInput {
  title: string;
  metric: string;
  series: CurveBand[];
  target: number | null;
  /** Median curves of the stored reference, drawn dashed. */
  reference: Array<{ name: string; steps: number[]; median: number[] }>;
}

/** Median over seeds with the interquartile band, per method; the target as a line; the reference dashed. */
export function learningCurves(input: LearningCurveInput): string {
  const all = [
    ...input.series.flatMap((s) => [...s.lo, ...s.hi, ...s.median]),
    ...input.reference.flatMap((r) => r.median),
    ...(input.target !== null ? [input.target] : []),
  ].filter(Number.isFinite);
  const xs = [...input.series.flatMap((s) => s.steps), ...input.reference.flatMap((r) => r.steps)];
  const shell = scales(DEFAULT_FRAME, [0, Math.max(1, ...xs)], [Math.min(...all), Math.max(...all)]);
  const { x, y } = shell;
  const xr = x.range() as [number, number];
  const parts: string[] = [axes(shell, 'optimizer steps', input.metric)];
  input.series.forEach((s, i) => {
    const pts = s.steps.map((st, k) => ({ x: x(st), lo: y(s.lo[k]!), hi: y(s.hi[k]!), m: y(s.median[k]!) }));
    const band =
      area<(typeof pts)[number]>()
        .x((p) => p.x)
        .y0((p) => p.lo)
        .y1((p) => p.hi)(pts) ?? '';
    const mid =
      line<(typeof pts)[number]>()
        .x((p) => p.x)
        .y((p) => p.m)(pts) ?? '';
    parts.push(
      `<g class="series" data-series="s${i}"><path class="band" d="${band}" fill="${colorOf(i)}" fill-opacity="0.18"/>` +
        `<path class="median" d="${mid}" fill="none" stroke="${colorOf(i)}" stroke-width="2"><title>${esc(s.name)}: median over seeds</title></path></g>`,
    );
  });
  input.reference.forEach((r) => {
    const i = input.series.findIndex((s) => s.name === r.name);
    const d =
      line<number>()
        .x((_, k) => x(r.steps[k]!))
        .y((v) => y(v))(r.median) ?? '';
    parts.push(
      `<path class="reference" data-series="s${i}" d="${d}" fill="none" stroke="${colorOf(i)}" stroke-width="1.5" stroke-dasharray="5 3"><title>${esc(r.name)}: reference median</title></path>`,
    );
  });
  if (input.target !== null) {
    const ty = y(input.target);
    parts.push(
      `<line class="target" x1="${xr[0]}" x2="${xr[1]}" y1="${ty}" y2="${ty}"/><text class="target-label" x="${xr[1] - 4}" y="${ty - 5}" text-anchor="end">target ${esc(fmt(input.target))}</text>`,
    );
  }
  parts.push(
    legend(shell, [
      ...input.series.map((s, i) => ({ name: s.name, color: colorOf(i), key: `s${i}` })),
      ...(input.reference.length ? [{ name: 'reference', color: '#555', dash: true, key: 'reference' }] : []),
    ]),
  );
  const desc =
    `Learning curves of ${input.metric} against steps: ` +
    input.series
      .map(
        (s) =>
          `${s.name} median from ${fmt(s.median[0] ?? NaN)} to ${fmt(s.median.at(-1) ?? NaN)} over ${fmt(s.steps[s.steps.length - 1] ?? 0)} steps`,
      )
      .join('; ') +
    (input.target !== null ? `; target ${fmt(input.target)}` : '') +
    (input.reference.length ? '; dashed lines are the stored reference medians.' : '.');
  return svg(shell, input.title, desc, parts.join(''), 'learning-curves');
}
