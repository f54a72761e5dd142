import type { QueueRow, RatingRow } from '../../../../shared/schemas/frontOfficeReport';
import { useT } from '../../lib/i18n';
import { chartBox, minutesOf, satisfactionChart, waitChart } from './frontOfficeModel';
import type { ChartModel } from './frontOfficeModel';

/**
 * The front office's charts, drawn in SVG like the on-time chart (no chart library). Each is an image
 * whose text alternative states every figure; the same figures are in the tables below it.
 */
function ChartSvg({ model, summary, colours, tickText, legend }: { model: ChartModel; summary: string; colours: readonly string[]; tickText: (value: number) => string; legend?: ReadonlyArray<{ colour: string; text: string }> }) {
  const { width, height, left, bottom } = chartBox;
  return (
    <svg className="on-time-chart" viewBox={`0 0 ${width} ${height + (legend ? 18 : 0)}`} role="img" aria-label={summary}>
      {model.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={left} x2={width - 10} y1={tick.y} y2={tick.y} stroke="#d0d5dd" />
          <text x={left - 6} y={tick.y + 4} textAnchor="end" fontSize="11" fill="#344054">
            {tickText(tick.value)}
          </text>
        </g>
      ))}
      {model.bars.map((bar) => (
        <g key={bar.key}>
          {bar.parts.map((part, index) => (
            <rect key={index} x={bar.x + (bar.width * index) / 6} width={bar.width - (bar.width * index) / 3} y={part.y} height={part.height} fill={colours[index]} />
          ))}
          <text x={bar.x + bar.width / 2} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#344054">
            {bar.label}
          </text>
        </g>
      ))}
      {legend?.map((item, index) => (
        <g key={item.text}>
          <rect x={left + index * 140} y={height + 4} width={12} height={12} fill={item.colour} />
          <text x={left + index * 140 + 16} y={height + 14} fontSize="11" fill="#344054">
            {item.text}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Waits by hour of issue: the 90th percentile's bar, the median's inside it. */
export function WaitChart({ rows }: { rows: readonly QueueRow[] }) {
  const t = useT();
  const minutes = (seconds: number | null) => t('fo.minutes', { value: minutesOf(seconds) ?? '—' });
  const summary = rows.map((row) => `${row.labelZh} ${t('fo.median')} ${minutes(row.waitMedian)}, ${t('fo.p90')} ${minutes(row.waitP90)}`).join('；');
  return (
    <ChartSvg
      model={waitChart(rows)}
      summary={`${t('fo.waitChartTitle')}：${summary}`}
      colours={['#9ec5e8', '#0b4f8a']}
      tickText={(value) => String(value)}
      legend={[
        { colour: '#9ec5e8', text: t('fo.p90') },
        { colour: '#0b4f8a', text: t('fo.median') },
      ]}
    />
  );
}

/** The average rating of each month on a 0–5 scale. */
export function SatisfactionChart({ rows, label }: { rows: readonly RatingRow[]; label: (row: RatingRow) => string }) {
  const t = useT();
  const summary = rows.map((row) => `${label(row)} ${row.average ?? '—'}`).join('；');
  return <ChartSvg model={satisfactionChart(rows, label)} summary={`${t('fo.satChartTitle')}：${summary}`} colours={['#1e6b3a']} tickText={(value) => String(value)} />;
}
