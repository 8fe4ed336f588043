import { line } from 'd3-shape';
import { axes, colorOf, DEFAULT_FRAME, esc, fmt, legend, scales, svg } from './svg.js';

export interface TrialCurve {
  /** Colour group (e.g. the study). */
  group: number;
  label: string;
  x: number[];
  y: number[];
}

/** Every trial's curve, coloured by group, with the target as a line: for imported AlgoPerf logs. */
export function trialCurves(input: {
  title: string;
  xLabel: string;
  yLabel: string;
  curves: TrialCurve[];
  groups: string[];
  target: number | null;
}): string {
  const ys = [...input.curves.flatMap((c) => c.y), ...(input.target === null ? [] : [input.target])].filter(
    Number.isFinite,
  );
  const xs = input.curves.flatMap((c) => c.x).filter(Number.isFinite);
  const shell = scales(DEFAULT_FRAME, [0, Math.max(1, ...xs)], ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1]);
  const { x, y } = shell;
  const xr = x.range() as [number, number];
  const parts: string[] = [axes(shell, input.xLabel, input.yLabel)];
  for (const c of input.curves) {
    const pts = c.x.map((v, i) => [v, c.y[i]!] as const).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    const d =
      line<readonly [number, number]>()
        .x((p) => x(p[0]))
        .y((p) => y(p[1]))(pts) ?? '';
    parts.push(
      `<path class="trial" data-series="g${c.group}" d="${d}" fill="none" stroke="${colorOf(c.group)}" stroke-width="1.3" stroke-opacity="0.8"><title>${esc(c.label)}</title></path>`,
    );
  }
  if (input.target !== null) {
    const ty = y(input.target);
    parts.push(
      `<line class="target" x1="${xr[0]}" x2="${xr[1]}" y1="${ty}" y2="${ty}"/><text class="target-label" x="${xr[1] - 4}" y="${ty - 5}" text-anchor="end">target ${esc(fmt(input.target))}</text>`,
    );
  }
  parts.push(
    legend(
      shell,
      input.groups.map((g, i) => ({ name: g, color: colorOf(i), key: `g${i}` })),
    ),
  );
  const desc =
    `${input.curves.length} trial curves of ${input.yLabel} against ${input.xLabel}, coloured by ${input.groups.join(', ')}` +
    (input.target === null ? '.' : `; target ${fmt(input.target)}.`);
  return svg(shell, input.title, desc, parts.join(''), 'trial-curves');
}
