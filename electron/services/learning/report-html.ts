/**
 * The team report as one self-contained HTML file: inline CSS, charts as inline SVG, tables of
 * the numbers under them; no script, no font, no image, nothing fetched. Every text from the
 * bundles is escaped.
 */
import {
  teamCharts,
  type BarChart,
  type LineChart,
  type TeamChart,
} from '../../../shared/learning/chart-model';
import type { TeamReport } from '../../../shared/schemas/learning';

/** `text` safe inside HTML and SVG text and attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function barSvg(c: BarChart, title: string): string {
  const bars = c.bars
    .map(
      (b) =>
        `<text x="${c.labelWidth - 8}" y="${b.y + c.barHeight * 0.72}" text-anchor="end">${e(b.label)}</text>` +
        `<rect x="${c.labelWidth}" y="${b.y}" width="${b.width.toFixed(1)}" height="${c.barHeight}" rx="3" class="bar"/>` +
        `<text x="${(c.labelWidth + b.width + 6).toFixed(1)}" y="${b.y + c.barHeight * 0.72}">${e(b.valueText)}</text>`,
    )
    .join('');
  return `<svg role="img" aria-label="${e(title)}" viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}">${bars}</svg>`;
}

function lineSvg(c: LineChart, title: string): string {
  const grid = c.grid
    .map(
      (g) =>
        `<line x1="${c.left}" x2="${c.width - 12}" y1="${g.y}" y2="${g.y}" class="grid"/>` +
        `<text x="${c.left - 6}" y="${g.y + 4}" text-anchor="end">${g.label}</text>`,
    )
    .join('');
  const dots = c.points
    .map(
      (p) =>
        `<circle cx="${p.x}" cy="${p.y}" r="3" class="dot"><title>${e(p.label)}: ${p.valueText}</title></circle>`,
    )
    .join('');
  const first = c.points[0];
  const last = c.points.at(-1);
  const axis =
    first && last
      ? `<text x="${first.x}" y="${c.height - 6}">${e(first.label)}</text>` +
        (last !== first
          ? `<text x="${last.x}" y="${c.height - 6}" text-anchor="end">${e(last.label)}</text>`
          : '')
      : '';
  return `<svg role="img" aria-label="${e(title)}" viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}">${grid}<path d="${c.path}" class="line"/>${dots}${axis}</svg>`;
}

function chartSection(chart: TeamChart): string {
  const svg =
    chart.kind === 'bar' ? barSvg(chart.chart, chart.title) : lineSvg(chart.chart, chart.title);
  return `<section id="${chart.id}"><h2>${e(chart.title)}</h2>${svg}</section>`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  if (rows.length === 0) return '<p class="none">(none)</p>';
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  const tr = rows
    .map((r) => `<tr>${r.map((c) => `<td>${e(String(c))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:720px;color:#1b1f24;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:2rem 0 .5rem}
.lead{color:#555;margin:0 0 1rem}svg{display:block;max-width:100%;height:auto;font-size:11px;fill:#1b1f24}
.bar{fill:#2f6fdf}.line{fill:none;stroke:#2f6fdf;stroke-width:2}.dot{fill:#2f6fdf}.grid{stroke:#d8dde3}
table{border-collapse:collapse;width:100%;margin-top:.5rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
.none{color:#666}.kpis{display:flex;gap:2rem;margin:1rem 0}.kpi b{display:block;font-size:1.4rem}
@media (prefers-color-scheme:dark){body{background:#15181c;color:#e6e8eb}svg{fill:#e6e8eb}.grid{stroke:#39404a}th,td{border-color:#2b3138}.lead,.none{color:#a9b0b8}}
`;

/** The whole HTML document of `report`. */
export function teamReportHtml(report: TeamReport, generatedAt: Date): string {
  const period = report.period.from
    ? `${report.period.from} to ${report.period.to}`
    : 'no dated counts';
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>Inloop team report, ${e(period)}</title><style>${STYLE}</style></head><body>`,
    '<h1>Inloop team report</h1>',
    `<p class="lead">${report.bundles} bundles from ${report.devices} agents, ${report.conversations} conversations, ${e(period)}. Generated ${e(generatedAt.toISOString())}. Counts only: no conversation leaves an agent's device.</p>`,
    `<div class="kpis"><div class="kpi"><b>${pct(report.acceptance.overall)}</b>reply acceptance</div><div class="kpi"><b>${pct(report.escalation.rate)}</b>conversations escalated</div><div class="kpi"><b>${report.gaps.length}</b>knowledge gaps</div></div>`,
    ...teamCharts(report).map(chartSection),
    '<h2>Knowledge gaps</h2>',
    table(
      ['conversations', 'terms', 'asked as'],
      report.gaps.map((g) => [g.conversations, g.terms.join(', '), g.examples.join(' · ')]),
    ),
    '<h2>Intent corrections</h2>',
    table(
      ['conversations', 'engine said', 'agents picked'],
      report.corrections.map((c) => [c.count, c.from ?? '(none)', c.to ?? '(none)']),
    ),
    '<h2>Replies</h2>',
    table(
      ['reply', 'shown', 'sent', 'acceptance', 'common rewrite'],
      report.replies.map((r) => [r.id, r.shown, r.sent, pct(r.rate), r.rewrite ?? '']),
    ),
    '<h2>Rules agents dismiss</h2>',
    table(
      ['rule', 'raised', 'dismissed'],
      report.flags.map((f) => [f.ruleId, f.shown, f.dismissed]),
    ),
    ...(report.skipped.length > 0
      ? [
          '<h2>Files skipped</h2>',
          table(
            ['file', 'why'],
            report.skipped.map((s) => [s.file, s.problem]),
          ),
        ]
      : []),
    '</body></html>\n',
  ];
  return parts.join('\n');
}
