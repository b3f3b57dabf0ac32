/**
 * Chart geometry for the team report, computed once and drawn twice: as inline SVG in the
 * report's HTML file and as React SVG in the Team view. Plain numbers and strings, no markup.
 */
import type { TeamReport } from '../schemas/learning';

/** A horizontal bar chart: one labelled bar per item, longest = full width. */
export interface BarChart {
  readonly width: number;
  readonly height: number;
  readonly bars: readonly {
    readonly label: string;
    readonly valueText: string;
    readonly y: number;
    readonly width: number;
  }[];
  readonly barHeight: number;
  readonly labelWidth: number;
}

/** A line chart of values 0..1 over labelled points (days). */
export interface LineChart {
  readonly width: number;
  readonly height: number;
  /** SVG path data of the line. */
  readonly path: string;
  readonly points: readonly {
    readonly x: number;
    readonly y: number;
    readonly label: string;
    readonly valueText: string;
  }[];
  /** Horizontal grid lines at 0, 50 and 100 %. */
  readonly grid: readonly { readonly y: number; readonly label: string }[];
  readonly left: number;
  readonly bottom: number;
}

const BAR = 18;
const GAP = 6;
const LABEL = 260;
const WIDTH = 640;

/** Bars for `items` (value ≥ 0), `format` writing each value. */
export function barChart(
  items: readonly { readonly label: string; readonly value: number }[],
  format: (value: number) => string = (v) => String(v),
): BarChart {
  const max = Math.max(1e-9, ...items.map((i) => i.value));
  const room = WIDTH - LABEL - 60;
  return {
    width: WIDTH,
    height: Math.max(BAR, items.length * (BAR + GAP)),
    barHeight: BAR,
    labelWidth: LABEL,
    bars: items.map((item, i) => ({
      label: item.label.length > 40 ? `${item.label.slice(0, 39)}…` : item.label,
      valueText: format(item.value),
      y: i * (BAR + GAP),
      width: Math.max(1, (item.value / max) * room),
    })),
  };
}

/** A line over `points` (value in 0..1, null for a day with nothing to measure: skipped). */
export function lineChart(
  points: readonly { readonly label: string; readonly value: number | null }[],
): LineChart {
  const height = 180;
  const left = 44;
  const bottom = 24;
  const plotW = WIDTH - left - 12;
  const plotH = height - bottom - 10;
  const known = points.flatMap((p, i) => (p.value === null ? [] : [{ ...p, i, value: p.value }]));
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const xy = known.map((p) => ({
    x: Math.round((left + (points.length > 1 ? p.i * step : plotW / 2)) * 10) / 10,
    y: Math.round((10 + (1 - p.value) * plotH) * 10) / 10,
    label: p.label,
    valueText: `${Math.round(p.value * 100)}%`,
  }));
  return {
    width: WIDTH,
    height,
    left,
    bottom,
    path: xy.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' '),
    points: xy,
    grid: [1, 0.5, 0].map((v) => ({ y: 10 + (1 - v) * plotH, label: `${v * 100}%` })),
  };
}

/** A percentage for a chart value. */
export const percent = (v: number): string => `${Math.round(v * 100)}%`;

/** One chart of the team report. */
export type TeamChart =
  | {
      readonly id: string;
      readonly title: string;
      readonly kind: 'line';
      readonly chart: LineChart;
    }
  | { readonly id: string; readonly title: string; readonly kind: 'bar'; readonly chart: BarChart };

/** The team report's charts, in reading order (a chart with nothing to show is left out). */
export function teamCharts(report: TeamReport): TeamChart[] {
  const charts: TeamChart[] = [];
  const days = report.acceptance.byDay;
  if (days.length > 0)
    charts.push({
      id: 'acceptance-over-time',
      title: 'Reply acceptance over time',
      kind: 'line',
      chart: lineChart(days.map((d) => ({ label: d.date, value: d.rate }))),
    });
  const packs = report.acceptance.byPackVersion.filter((p) => p.rate !== null);
  if (packs.length > 0)
    charts.push({
      id: 'acceptance-per-pack',
      title: 'Reply acceptance per pack version',
      kind: 'bar',
      chart: barChart(
        packs.map((p) => ({ label: p.pack, value: p.rate ?? 0 })),
        percent,
      ),
    });
  if (report.escalation.byDay.length > 0)
    charts.push({
      id: 'escalation-over-time',
      title: 'Escalation rate over time',
      kind: 'line',
      chart: lineChart(report.escalation.byDay.map((d) => ({ label: d.date, value: d.rate }))),
    });
  if (report.escalation.reasons.length > 0)
    charts.push({
      id: 'escalation-reasons',
      title: 'Escalation reasons (conversations)',
      kind: 'bar',
      chart: barChart(report.escalation.reasons.map((r) => ({ label: r.reason, value: r.count }))),
    });
  if (report.gaps.length > 0)
    charts.push({
      id: 'knowledge-gaps',
      title: 'Top knowledge gaps (conversations)',
      kind: 'bar',
      chart: barChart(
        report.gaps
          .slice(0, 10)
          .map((g) => ({ label: g.terms.join(', '), value: g.conversations })),
      ),
    });
  if (report.corrections.length > 0)
    charts.push({
      id: 'intent-corrections',
      title: 'Intents agents correct most, and into what',
      kind: 'bar',
      chart: barChart(
        report.corrections
          .slice(0, 10)
          .map((c) => ({ label: `${c.from ?? '(none)'} → ${c.to ?? '(none)'}`, value: c.count })),
      ),
    });
  return charts;
}
