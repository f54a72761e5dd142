/**
 * What the front office charts draw, worked out apart from React so it can be tested: bars in an SVG
 * box of the given size, the scale rounded up to whole steps, and the words that state each figure.
 */
import type { QueueRow, RatingRow } from '../../../../shared/schemas/frontOfficeReport';

export interface ChartBox {
  width: number;
  height: number;
  /** Room at the left for the scale and at the bottom for the labels. */
  left: number;
  bottom: number;
}

export const chartBox: ChartBox = { width: 560, height: 220, left: 44, bottom: 30 };
const TOP = 10;

/** Seconds as minutes with one decimal; null stays null. */
export function minutesOf(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}


export interface Bar {
  key: string;
  label: string;
  x: number;
  width: number;
  /** Top and height of each bar drawn for the row, in chart units. */
  parts: Array<{ value: number; y: number; height: number }>;
}

export interface ChartModel {
  bars: Bar[];
  /** Scale lines: the value and its height. */
  ticks: Array<{ value: number; y: number }>;
}

/** Bars of `values` per row, over a scale from 0 to `max` drawn with `ticks` steps. */
function barChart<R>(rows: readonly R[], box: ChartBox, max: number, steps: number, keyOf: (row: R) => string, labelOf: (row: R) => string, valuesOf: (row: R) => number[]): ChartModel {
  const plot = box.height - box.bottom - TOP;
  const y = (value: number) => TOP + plot * (1 - Math.min(value, max) / max);
  const band = rows.length === 0 ? 0 : (box.width - box.left - 10) / rows.length;
  return {
    ticks: Array.from({ length: steps + 1 }, (_, index) => (max / steps) * index).map((value) => ({ value, y: y(value) })),
    bars: rows.map((row, index) => ({
      key: keyOf(row),
      label: labelOf(row),
      x: box.left + index * band + band * 0.15,
      width: band * 0.7,
      parts: valuesOf(row).map((value) => ({ value, y: y(value), height: y(0) - y(value) })),
    })),
  };
}

/** The scale's step in minutes: the first of these that needs at most six steps to reach `top`. */
const MINUTE_STEPS = [5, 10, 15, 20, 30, 60, 120];

/**
 * Waits by hour: per hour a bar to the 90th percentile with the median's bar drawn inside it (parts
 * [p90, median]); the scale ends on a whole step of minutes above the highest.
 */
export function waitChart(rows: readonly QueueRow[], label: (row: QueueRow) => string = (row) => row.key, box: ChartBox = chartBox): ChartModel {
  const top = Math.max(0, ...rows.map((row) => minutesOf(row.waitP90) ?? 0));
  const step = MINUTE_STEPS.find((candidate) => top <= candidate * 6) ?? Math.ceil(top / 6);
  const steps = Math.max(1, Math.ceil(top / step));
  return barChart(rows, box, step * steps, steps, (row) => row.key, label, (row) => [minutesOf(row.waitP90) ?? 0, minutesOf(row.waitMedian) ?? 0]);
}

/** Average rating by month on a 0–5 scale. */
export function satisfactionChart(rows: readonly RatingRow[], label: (row: RatingRow) => string = (row) => row.key, box: ChartBox = chartBox): ChartModel {
  return barChart(rows, box, 5, 5, (row) => row.key, label, (row) => [row.average ?? 0]);
}
