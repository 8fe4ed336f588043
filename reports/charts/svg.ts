import { scaleLinear, type ScaleLinear } from 'd3-scale';

/** Escapes text for SVG/HTML element content and attribute values. */
export function esc(s: string | number): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Okabe–Ito: distinguishable with common colour-vision deficiencies, and in greyscale print. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export const colorOf = (i: number): string => PALETTE[i % PALETTE.length]!;

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_FRAME: Frame = { width: 640, height: 300, margin: { top: 34, right: 150, bottom: 44, left: 62 } };

/** Short numbers for ticks and labels. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return Number(v.toPrecision(4)).toString();
}

let chartCounter = 0;

export interface ChartShell {
  id: string;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  frame: Frame;
}

/** Linear scales over the plot area of a frame. */
export function scales(frame: Frame, xDomain: [number, number], yDomain: [number, number]): ChartShell {
  const { width, height, margin } = frame;
  return {
    id: `chart${++chartCounter}`,
    frame,
    x: scaleLinear()
      .domain(xDomain)
      .range([margin.left, width - margin.right])
      .nice(),
    y: scaleLinear()
      .domain(yDomain)
      .range([height - margin.bottom, margin.top])
      .nice(),
  };
}

/**
 * The `<svg>` wrapper every chart uses: `role="img"`, a `<title>` and a `<desc>` (the text
 * alternative, read by screen readers and shown when printing without graphics), then the body.
 */
export function svg(shell: ChartShell, title: string, desc: string, body: string, kind: string): string {
  const { width, height } = shell.frame;
  return (
    `<svg class="chart" data-chart="${esc(kind)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-labelledby="${shell.id}-t ${shell.id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${shell.id}-t">${esc(title)}</title><desc id="${shell.id}-d">${esc(desc)}</desc>` +
    `<text class="chart-title" x="${width / 2}" y="18" text-anchor="middle">${esc(title)}</text>${body}</svg>`
  );
}

/** Bottom and left axes with ticks, grid lines and labels. */
export function axes(
  shell: ChartShell,
  xLabel: string,
  yLabel: string,
  opts: { xTicks?: number; yTicks?: number } = {},
): string {
  const { x, y, frame } = shell;
  const { width, height, margin } = frame;
  const parts: string[] = [];
  const y0 = height - margin.bottom;
  for (const t of x.ticks(opts.xTicks ?? 6)) {
    const px = x(t);
    parts.push(`<line class="grid" x1="${px}" x2="${px}" y1="${margin.top}" y2="${y0}"/>`);
    parts.push(`<text class="tick" x="${px}" y="${y0 + 15}" text-anchor="middle">${esc(fmt(t))}</text>`);
  }
  for (const t of y.ticks(opts.yTicks ?? 5)) {
    const py = y(t);
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${py}" y2="${py}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${py + 4}" text-anchor="end">${esc(fmt(t))}</text>`);
  }
  parts.push(`<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${y0}" y2="${y0}"/>`);
  parts.push(`<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${y0}"/>`);
  parts.push(
    `<text class="axis-label" x="${(margin.left + width - margin.right) / 2}" y="${height - 8}" text-anchor="middle">${esc(xLabel)}</text>`,
  );
  parts.push(
    `<text class="axis-label" transform="translate(14 ${(margin.top + y0) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  return `<g class="axes">${parts.join('')}</g>`;
}

/** A legend in the right margin; each entry toggles its series when the page script runs. */
export function legend(
  shell: ChartShell,
  entries: Array<{ name: string; color: string; dash?: boolean; key: string }>,
): string {
  const { width, margin } = shell.frame;
  const x0 = width - margin.right + 12;
  return (
    '<g class="legend">' +
    entries
      .map(
        (e, i) =>
          `<g class="legend-item" data-series="${esc(e.key)}" transform="translate(${x0} ${margin.top + 4 + i * 18})">` +
          `<line x1="0" x2="18" y1="0" y2="0" stroke="${e.color}" stroke-width="2.5"${e.dash ? ' stroke-dasharray="5 3"' : ''}/>` +
          `<text x="24" y="4">${esc(e.name)}</text></g>`,
      )
      .join('') +
    '</g>'
  );
}
