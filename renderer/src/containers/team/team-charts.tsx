/**
 * The team report's charts as React SVG, from the same geometry the HTML report draws
 * (`shared/learning/chart-model.ts`). Presentational: props only.
 */
import type { ReactNode } from 'react';
import type { BarChart, LineChart, TeamChart } from '../../../../shared/learning/chart-model';

/** The drawing surface of a chart, sized by its geometry and named for screen readers. */
function ChartFrame(props: {
  chart: { width: number; height: number };
  title: string;
  children: ReactNode;
}) {
  const { chart, title, children } = props;
  return (
    <svg
      className="team-chart__svg"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
    >
      {children}
    </svg>
  );
}

function Bars({ chart, title }: { chart: BarChart; title: string }) {
  return (
    <ChartFrame chart={chart} title={title}>
      {chart.bars.map((bar) => (
        <g key={`${bar.y}-${bar.label}`}>
          <text x={chart.labelWidth - 8} y={bar.y + chart.barHeight * 0.72} textAnchor="end">
            {bar.label}
          </text>
          <rect
            className="team-chart__bar"
            x={chart.labelWidth}
            y={bar.y}
            width={bar.width}
            height={chart.barHeight}
            rx={3}
          />
          <text x={chart.labelWidth + bar.width + 6} y={bar.y + chart.barHeight * 0.72}>
            {bar.valueText}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}

function Line({ chart, title }: { chart: LineChart; title: string }) {
  const first = chart.points[0];
  const last = chart.points.at(-1);
  return (
    <ChartFrame chart={chart} title={title}>
      {chart.grid.map((g) => (
        <g key={g.label}>
          <line
            className="team-chart__grid"
            x1={chart.left}
            x2={chart.width - 12}
            y1={g.y}
            y2={g.y}
          />
          <text x={chart.left - 6} y={g.y + 4} textAnchor="end">
            {g.label}
          </text>
        </g>
      ))}
      <path className="team-chart__line" d={chart.path} />
      {chart.points.map((p) => (
        <circle key={p.label} className="team-chart__dot" cx={p.x} cy={p.y} r={3}>
          <title>{`${p.label}: ${p.valueText}`}</title>
        </circle>
      ))}
      {first ? (
        <text x={first.x} y={chart.height - 6}>
          {first.label}
        </text>
      ) : null}
      {last && last !== first ? (
        <text x={last.x} y={chart.height - 6} textAnchor="end">
          {last.label}
        </text>
      ) : null}
    </ChartFrame>
  );
}

/** One chart with its heading. */
export function TeamChartFigure({ chart }: { chart: TeamChart }) {
  return (
    <figure className="team-chart">
      <figcaption className="team-chart__title">{chart.title}</figcaption>
      {chart.kind === 'bar' ? (
        <Bars chart={chart.chart} title={chart.title} />
      ) : (
        <Line chart={chart.chart} title={chart.title} />
      )}
    </figure>
  );
}
