import type { OnTimeRow } from '../../../../shared/schemas/supervision';
import { percentText } from '../../lib/percentText';

/**
 * The on-time rate by month as bars against the target line, drawn in SVG (no chart library). The
 * figures are also in the table beside it, so the chart is an image with a text alternative.
 */
export function OnTimeChart({ rows, target, title }: { rows: readonly OnTimeRow[]; target: number; title: string }) {
  const width = 560;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const plotHeight = height - bottom - 10;
  const band = rows.length === 0 ? 0 : (width - left - 10) / rows.length;
  const y = (rate: number) => 10 + plotHeight * (1 - rate);
  const summary = rows.map((row) => `${row.labelZh} ${percentText(row.rate)}`).join('，');
  return (
    <svg className="on-time-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}：${summary}`}>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - 10} y1={y(tick)} y2={y(tick)} stroke="#d0d5dd" />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#344054">{`${tick * 100}%`}</text>
        </g>
      ))}
      {rows.map((row, index) => {
        const rate = row.rate ?? 0;
        const x = left + index * band + band * 0.15;
        return (
          <g key={row.key}>
            <rect x={x} width={band * 0.7} y={y(rate)} height={plotHeight * rate} fill={row.meetsTarget ? '#1e6b3a' : '#b42318'} />
            <text x={x + band * 0.35} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#344054">{row.labelZh}</text>
          </g>
        );
      })}
      <line x1={left} x2={width - 10} y1={y(target)} y2={y(target)} stroke="#0b5394" strokeDasharray="6 4" strokeWidth="2" />
      <text x={width - 12} y={y(target) - 4} textAnchor="end" fontSize="11" fill="#0b5394">{`${Math.round(target * 100)}%`}</text>
    </svg>
  );
}
