// SVG charts of the analysis: the histogram of simulated cumulative revenue
// (`simulate`) and the tornado of `sensitivity`. They follow charts.js's
// conventions (createElementNS only, colours from the stylesheet by class,
// laid out again at their displayed width) and use its frame: title,
// description, legend and the redraw on resize.

import {
  chartContext, chartElement, clamp, drawLegend, finite, FONT, formatter, moneyText, niceStep, PAD, percentText, ROW,
  round, stepDigits, svgEl, TICK, textWidth, tidy, toNumber,
} from './charts.js';

/** A linear scale from [min, max] to pixels [from, to]. */
const linear = (min, max, from, to) => (value) => from + ((value - min) / (max - min)) * (to - from);

/**
 * Ticks of a continuous axis over [low, high] with about `count` intervals
 * (a range of one value is widened around it): `{min, max, step, ticks}`.
 */
function axisTicks(low, high, count) {
  let [from, to] = [low, high];
  if (!(to > from)) {
    const pad = Math.max(Math.abs(from) * 0.05, 1);
    [from, to] = [from - pad, to + pad];
  }
  const step = niceStep((to - from) / count);
  const min = tidy(Math.floor(from / step + 1e-9) * step);
  const max = tidy(Math.ceil(to / step - 1e-9) * step);
  const ticks = Array.from({ length: Math.round((max - min) / step) + 1 }, (_, j) => tidy(min + j * step));
  return { min, max, step, ticks };
}

/** Tick labels with the decimals their step needs. */
function tickLabels(ctx, { step, ticks }, percent = false) {
  const magnitude = Math.max(...ticks.map(Math.abs));
  return ticks.map(formatter(ctx.locale, magnitude, stepDigits(percent ? step * 100 : step), { percent, fixed: true }));
}

/**
 * Places labels (`{x, text}`, x their centre) on the first of `rows` rows
 * above `bottom` where they do not overlap a label placed before; returns
 * them with `y` (their baseline).
 */
function stackLabels(labels, bottom, rows, low, high) {
  const taken = Array.from({ length: rows }, () => []);
  return [...labels].sort((a, b) => a.x - b.x).map((label) => {
    const width = textWidth(label.text, true);
    const left = clamp(label.x - width / 2, low, high - width);
    const row = Math.max(0, taken.findIndex((boxes) => boxes.every(([a, b]) => left > b + 6 || left + width < a - 6)));
    taken[row].push([left, left + width]);
    return { ...label, left, y: bottom - row * ROW };
  });
}

/* ---------- histogram ---------- */

/**
 * The histogram's frame: legend, the share axis on the left, the money axis
 * below, rows for the marks' labels above the plot; returns its height and
 * helpers drawing a bin and a vertical mark.
 */
function histogramFrame(root, ctx, spec, width) {
  const legendBottom = drawLegend(svgEl(root, 'g'), spec.legend, width);
  svgEl(root, 'text', { class: 'chart-title', x: PAD, y: legendBottom + FONT }, spec.left.title);
  const markRows = 2;
  const plotTop = legendBottom + FONT + 8 + markRows * ROW;
  const plotHeight = Math.round(clamp(width * 0.36, 150, 250));
  const plotBottom = plotTop + plotHeight;
  const shares = axisTicks(0, Math.max(spec.left.max, 1e-9), clamp(Math.round(plotHeight / 50), 3, 5));
  const shareLabels = tickLabels(ctx, shares, true);
  const plotLeft = PAD + Math.max(...shareLabels.map((label) => textWidth(label))) + TICK + 6;
  const plotRight = width - PAD - 8;
  const money = axisTicks(spec.bottom.low, spec.bottom.high, clamp(Math.round((plotRight - plotLeft) / 90), 2, 8));
  const moneyLabels = tickLabels(ctx, money);
  const y = linear(shares.min, shares.max, plotBottom, plotTop);
  const x = linear(money.min, money.max, plotLeft, plotRight);
  const layers = Object.fromEntries(['grid', 'bars', 'axes', 'marks'].map((name) => [name, svgEl(root, 'g')]));
  shares.ticks.forEach((value, j) => {
    const row = round(y(value));
    svgEl(layers.grid, 'line', { class: 'chart-grid', x1: plotLeft, y1: row, x2: plotRight, y2: row });
    svgEl(layers.axes, 'text', {
      class: 'chart-label', x: plotLeft - TICK - 4, y: round(row + FONT * 0.35), 'text-anchor': 'end',
    }, shareLabels[j]);
  });
  svgEl(layers.axes, 'line', { class: 'chart-axis zero', x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom });
  money.ticks.forEach((value, j) => {
    const column = round(x(value));
    svgEl(layers.axes, 'line', { class: 'chart-axis', x1: column, y1: plotBottom, x2: column, y2: plotBottom + TICK });
    svgEl(layers.axes, 'text', {
      class: 'chart-label', x: column, y: plotBottom + TICK + FONT, 'text-anchor': j === 0 ? 'start' : 'middle',
    }, moneyLabels[j]);
  });
  const titleY = plotBottom + TICK + FONT + ROW;
  const title = textWidth(spec.bottom.title, true) <= plotRight - PAD ? spec.bottom.title : spec.bottom.shortTitle;
  svgEl(layers.axes, 'text', { class: 'chart-title', x: plotRight, y: titleY, 'text-anchor': 'end' }, title);
  const marks = [];
  return {
    height: titleY + PAD,
    /** A bin from `from` to `to` (money) `share` high. */
    bin(from, to, share, { series, title }) {
      const left = x(from);
      const right = Math.max(x(to), left + 2);
      const rect = svgEl(layers.bars, 'rect', {
        class: `bar ${series}`, x: round(left), y: round(y(share)), width: round(right - left), height: round(plotBottom - y(share)),
      });
      svgEl(rect, 'title', {}, title);
    },
    /** A vertical mark at a money value, its label above the plot (drawn by `labels`). */
    mark(value, { series, label }) {
      const column = round(clamp(x(value), plotLeft, plotRight));
      svgEl(layers.marks, 'line', { class: `rule mark ${series}`, x1: column, y1: plotTop - 4, x2: column, y2: plotBottom });
      marks.push({ x: column, text: label });
    },
    /** Draws the marks' labels, stacked where they would overlap. Call last. */
    labels() {
      for (const label of stackLabels(marks, plotTop - 8, markRows, PAD, width - PAD)) {
        svgEl(layers.marks, 'text', { class: 'chart-note', x: round(label.left), y: round(label.y) }, label.text);
      }
    },
  };
}

/**
 * The histogram of simulated cumulative revenue (US$ bn, whatever the page's
 * currency: the target is in US$), bins that reach the target in their own
 * colour, the target and the p10, p50 and p90 as vertical marks.
 * @param {object} scenario the scenario (uses targetUsdBn)
 * @param {object} simulation `simulate`'s result (histogram, cumulativeUsdBn, samples)
 * @param {{span?: string, locale?: string, idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   span: the years the cumulative revenue covers ("FY2027-FY2031"); the rest as for revenueChart
 * @returns {SVGSVGElement}
 */
export function histogramChart(scenario, simulation, options = {}) {
  const ctx = { ...chartContext(scenario, { years: [] }, options, 'histogram-chart'), unit: 'US$' };
  const edges = (simulation?.histogram?.edges ?? []).map(toNumber);
  const counts = simulation?.histogram?.counts ?? [];
  const samples = Math.max(1, Number(simulation?.samples) || 1);
  const spread = simulation?.cumulativeUsdBn ?? {};
  const target = toNumber(scenario?.targetUsdBn);
  const usable = edges.length === counts.length + 1 && edges.every((edge) => edge !== null);
  const [low, high] = usable ? [edges[0], edges.at(-1)] : [0, 0];
  // The target widens the axis when it is near the futures; far off, it is named in a note instead.
  const reach = Math.max(high - low, Math.abs(high) * 0.1);
  const targetShown = target !== null && target >= low - reach && target <= high + reach;
  const bins = usable ? counts.map((count, i) => {
    const degenerate = edges[i + 1] === edges[i];
    const share = count / samples;
    const middle = (edges[i] + edges[i + 1]) / 2;
    return { from: edges[i], to: edges[i + 1], degenerate, count, share, reached: target === null || middle >= target };
  }).filter((bin) => bin.count > 0) : [];
  const money = (value) => moneyText(ctx, value);
  const percentiles = [['p10', spread.p10], ['p50', spread.p50], ['p90', spread.p90]]
    .map(([name, value]) => [name, toNumber(value)]).filter(([, value]) => value !== null);
  const offChart = target === null || targetShown ? ''
    : ` The ${money(target)} target is far ${target < low ? 'below' : 'above'} every simulated future.`;
  const span = options.span ? ` ${options.span}` : '';
  const spec = {
    title: `Simulated cumulative revenue${span} across ${samples.toLocaleString('en')} futures, against the ${target === null ? '' : `${money(target)} `}target`,
    desc: usable
      ? `From ${money(low)} to ${money(high)}; ${percentiles.map(([name, value]) => `${name} ${money(value)}`).join(', ')}.${offChart}`
      : 'No simulation.',
    legend: [
      { label: 'Futures reaching the target', series: 'series-reached', kind: 'bar' },
      { label: 'Futures short of it', series: 'series-short', kind: 'bar' },
      ...(targetShown ? [{ label: 'Target', series: 'series-target', kind: 'rule' }] : []),
      { label: 'p10, p50, p90', series: 'series-percentile', kind: 'rule' },
    ],
    left: { title: 'Share of futures', max: Math.max(0, ...bins.map((bin) => bin.share)) },
    bottom: {
      title: `Cumulative revenue${span}, US$ bn`,
      shortTitle: 'Cumulative revenue, US$ bn',
      low: targetShown ? Math.min(low, target) : low,
      high: targetShown ? Math.max(high, target) : high,
    },
    frame: histogramFrame,
  };
  return chartElement(ctx, spec, (frame) => {
    const narrow = (spec.bottom.high - spec.bottom.low || Math.abs(low) * 0.1 || 1) / 80;
    for (const bin of bins) {
      const [from, to] = bin.degenerate ? [bin.from - narrow, bin.to + narrow] : [bin.from, bin.to];
      const range = bin.degenerate ? money(bin.from) : `${money(bin.from)} to ${money(bin.to)}`;
      const title = `${range}: ${percentText(ctx, bin.share)} of futures (${bin.count.toLocaleString('en')})`;
      frame.bin(from, to, bin.share, { series: bin.reached ? 'series-reached' : 'series-short', title });
    }
    if (targetShown) frame.mark(target, { series: 'series-target', label: `Target ${money(target)}` });
    for (const [name, value] of percentiles) frame.mark(value, { series: 'series-percentile', label: name });
    frame.labels();
  });
}

/* ---------- tornado ---------- */

/** The outputs a tornado can show: how to read one from `{cumulativeUsdBn, npvRmbBn, grossMargin}` and word it. */
const TORNADO_METRICS = {
  cumulative: {
    label: 'Cumulative revenue (US$)',
    axis: 'Cumulative revenue',
    read: (figures) => toNumber(figures?.cumulativeUsdBn),
    format: (ctx, value) => moneyText({ ...ctx, unit: 'US$' }, value),
    unit: () => 'US$ bn',
  },
  npv: {
    label: 'Net present value of the capex',
    axis: 'Net present value',
    read: (figures, ctx) => {
      const value = toNumber(figures?.npvRmbBn);
      return value === null ? null : finite(ctx.usd ? value / ctx.fx : value);
    },
    format: moneyText,
    unit: (ctx) => `${ctx.unit} bn`,
  },
  margin: {
    label: 'Gross margin on tokens, last year',
    axis: 'Gross margin, last year',
    read: (figures) => toNumber(figures?.grossMargin),
    format: percentText,
    unit: () => '%',
    percent: true,
  },
};

/** Heights in a tornado row: a line of its label, and its bar with the gap below. */
const LABEL_LINE = FONT + 4;
const BAR_ROW = 6 + 16 + 10;

/** Words broken into lines no wider than `width` (a word longer than that gets a line of its own). */
function wrap(text, width) {
  const lines = [];
  for (const word of text.split(' ')) {
    const line = lines.length ? `${lines.at(-1)} ${word}` : word;
    if (lines.length && textWidth(line) <= width) lines[lines.length - 1] = line;
    else lines.push(word);
  }
  return lines;
}

/**
 * The tornado's frame: legend, the metric's axis above the rows, the base
 * value as a vertical line; returns its height and a helper drawing a row.
 */
function tornadoFrame(root, ctx, spec, width) {
  const legendBottom = drawLegend(svgEl(root, 'g'), spec.legend, width);
  svgEl(root, 'text', { class: 'chart-title', x: PAD, y: legendBottom + FONT }, spec.axisTitle);
  const axisY = legendBottom + FONT + 8 + FONT;
  const plotTop = axisY + 8;
  const labels = spec.labels.map((label) => wrap(label, width - 2 * PAD));
  const tops = labels.reduce((list, lines) => [...list, list.at(-1) + lines.length * LABEL_LINE + BAR_ROW], [plotTop]);
  const plotBottom = tops.at(-1);
  const footnote = spec.footnote ? wrap(spec.footnote, width - 2 * PAD) : [];
  footnote.forEach((line, j) => {
    svgEl(root, 'text', { class: 'chart-label', x: PAD, y: plotBottom + FONT + 4 + j * LABEL_LINE }, line);
  });
  // Room for the figures written beyond the bars' ends.
  const gutter = Math.max(40, ...spec.valueTexts.map((text) => textWidth(text))) + 6;
  const plotLeft = PAD + gutter;
  const plotRight = width - PAD - gutter;
  const ticks = axisTicks(spec.low, spec.high, clamp(Math.round((plotRight - plotLeft) / 90), 2, 6));
  const tickTexts = tickLabels(ctx, ticks, spec.percent);
  const x = linear(ticks.min, ticks.max, plotLeft, plotRight);
  const layers = Object.fromEntries(['grid', 'bars', 'axes', 'text'].map((name) => [name, svgEl(root, 'g')]));
  ticks.ticks.forEach((value, j) => {
    const column = round(x(value));
    svgEl(layers.grid, 'line', { class: 'chart-grid', x1: column, y1: plotTop, x2: column, y2: plotBottom });
    svgEl(layers.axes, 'text', { class: 'chart-label', x: column, y: axisY, 'text-anchor': 'middle' }, tickTexts[j]);
  });
  const base = round(x(spec.base));
  svgEl(layers.axes, 'line', { class: 'chart-axis zero', x1: base, y1: plotTop - 4, x2: base, y2: plotBottom });
  return {
    height: plotBottom + footnote.length * LABEL_LINE + (footnote.length ? 6 : 0) + PAD,
    /**
     * Row `index`: its label, a bar from the base to each side's value (null:
     * that side overflowed, said in words), each value written at its end.
     */
    row(index, sides) {
      labels[index].forEach((line, j) => {
        svgEl(layers.text, 'text', { class: 'chart-legend halo-text', x: PAD, y: tops[index] + FONT + j * LABEL_LINE }, line);
      });
      const barTop = tops[index] + labels[index].length * LABEL_LINE + 2;
      for (const { value, text, series, title } of sides) {
        const textY = round(barTop + 8 + FONT * 0.35);
        if (value === null) {
          svgEl(layers.text, 'text', { class: 'chart-label halo-text', x: base + 4, y: textY }, text);
          continue;
        }
        const end = x(value);
        const [a, b] = [Math.min(base, end), Math.max(base, end)];
        const rect = svgEl(layers.bars, 'rect', {
          class: `bar ${series}`, x: round(a), y: round(barTop), width: round(Math.max(b - a, 1)), height: 16,
        });
        svgEl(rect, 'title', {}, title);
        const after = end >= base;
        svgEl(layers.text, 'text', {
          class: 'chart-label halo-text', x: round(after ? b + 4 : a - 4), y: textY, 'text-anchor': after ? 'start' : 'end',
        }, text);
      }
    },
  };
}

/**
 * Tornado of `sensitivity`: for each input group (most influential first for
 * the chosen output), bars from the base case to the output with the group
 * moved down and up by the delta, each end labelled with its value.
 * @param {object} scenario the scenario (uses fxRmbPerUsd)
 * @param {object} sensitivity `sensitivity`'s result ({base, rows})
 * @param {{metric?: 'cumulative'|'npv'|'margin', labels?: object, delta?: number, currency?: 'RMB'|'USD', locale?: string, idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   metric: the output shown (default cumulative US$ at the horizon);
 *   labels: group path -> the words for its row ("AI revenue growth (each
 *   year), 60%"); delta: the fraction each group moved (default 0.1); the
 *   rest as for revenueChart
 * @returns {SVGSVGElement}
 */
export function tornadoChart(scenario, sensitivity, options = {}) {
  const ctx = chartContext(scenario, { years: [] }, options, 'tornado-chart');
  const metric = TORNADO_METRICS[options.metric] ?? TORNADO_METRICS.cumulative;
  const delta = toNumber(options.delta) ?? 0.1;
  const base = metric.read(sensitivity?.base, ctx) ?? 0;
  const format = (value) => metric.format(ctx, value);
  const step = percentText(ctx, delta);
  const rows = (sensitivity?.rows ?? []).map((row) => {
    const low = metric.read(row.low, ctx);
    const high = metric.read(row.high, ctx);
    const swing = low === null || high === null ? Infinity : Math.abs(high - low);
    return { group: row.group, low, high, swing, clamped: row.clamped };
  }).sort((a, b) => b.swing - a.swing);
  const label = (row) => `${options.labels?.[row.group] ?? row.group}${row.clamped ? ' (held in its range)' : ''}`;
  const side = (row, value, sign) => ({
    value,
    text: value === null ? `${sign === '−' ? 'Lower' : 'Higher'}: overflows` : format(value),
    series: sign === '−' ? 'series-low' : 'series-high',
    title: `${label(row)}, ${sign}${step}: ${value === null ? 'overflows' : format(value)}`,
  });
  // Groups that leave this output as it is are named together under the bars.
  const still = rows.filter((row) => row.low === base && row.high === base);
  const moving = rows.filter((row) => !still.includes(row));
  const values = moving.flatMap((row) => [row.low, row.high]).filter((value) => value !== null);
  const [top, second] = moving;
  const describe = top
    ? `The base case gives ${format(base)}. ${label(top)} matters most: ${top.low === null ? 'overflows' : format(top.low)} lower, `
      + `${top.high === null ? 'overflows' : format(top.high)} higher${second ? `; then ${label(second)}` : ''}.`
    : `No input group moves ${metric.axis.toLowerCase()}.`;
  const spec = {
    title: `What moves ${metric.label.toLowerCase()} most: each input ${step} lower and higher`,
    desc: describe,
    legend: [
      { label: `Input ${step} lower`, series: 'series-low', kind: 'bar' },
      { label: `Input ${step} higher`, series: 'series-high', kind: 'bar' },
      { label: 'Base case', series: 'series-base', kind: 'rule' },
    ],
    axisTitle: `${metric.axis}, ${metric.unit(ctx)}`,
    labels: moving.map(label),
    valueTexts: values.map(format),
    footnote: still.length ? `No effect on ${metric.axis.toLowerCase()}: ${still.map(label).join('; ')}.` : null,
    low: Math.min(base, ...values),
    high: Math.max(base, ...values),
    base,
    percent: Boolean(metric.percent),
    frame: tornadoFrame,
  };
  return chartElement(ctx, spec, (frame) => {
    moving.forEach((row, index) => frame.row(index, [side(row, row.low, '−'), side(row, row.high, '+')]));
  });
}
