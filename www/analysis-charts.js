// SVG charts of the analysis: the histogram of simulated cumulative revenue
// (`simulate`) and the tornado of `sensitivity`. They follow charts.js's
// conventions (createElementNS only, colours from the stylesheet by class,
// laid out again at their displayed width) and use its frame: title,
// description, legend and the redraw on resize.

import {
  chartContext, chartElement, clamp, drawLegend, finite, FONT, list, moneyText, niceStep, PAD, percentText, ROW, round,
  sentences, svgEl, TICK, textWidth, tickLabels, tidy, toNumber,
} from './charts.js';
import { billions, numberFormat, t } from './i18n.js';

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
  // The marks' labels sit clear above the top share label, which they may pass over.
  const plotTop = legendBottom + FONT + 12 + markRows * ROW;
  const plotHeight = Math.round(clamp(width * 0.36, 150, 250));
  const plotBottom = plotTop + plotHeight;
  const shares = axisTicks(0, Math.max(spec.left.max, 1e-9), clamp(Math.round(plotHeight / 50), 3, 5));
  const shareLabels = tickLabels(shares, { percent: true });
  const plotLeft = PAD + Math.max(...shareLabels.map((label) => textWidth(label))) + TICK + 6;
  const plotRight = width - PAD - 8;
  const money = axisTicks(spec.bottom.low, spec.bottom.high, clamp(Math.round((plotRight - plotLeft) / 90), 2, 8));
  const moneyLabels = tickLabels(money, { currency: ctx.currency });
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
    // The first label starts at its tick, and one that would pass the right edge ends there.
    const last = column + textWidth(moneyLabels[j]) / 2 > width - PAD;
    svgEl(layers.axes, 'text', {
      class: 'chart-label', x: column, y: plotBottom + TICK + FONT, 'text-anchor': j === 0 ? 'start' : last ? 'end' : 'middle',
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
      for (const label of stackLabels(marks, plotTop - 12, markRows, PAD, width - PAD)) {
        svgEl(layers.marks, 'text', { class: 'chart-note', x: round(label.left), y: round(label.y) }, label.text);
      }
    },
  };
}

/**
 * The histogram of simulated cumulative revenue (US$ bn, whatever the page's
 * currency: the target is in US$; shown in 亿美元 in Chinese), bins that
 * reach the target in their own colour, the target and the p10, p50 and p90
 * as vertical marks.
 * @param {object} scenario the scenario (uses targetUsdBn)
 * @param {object} simulation `simulate`'s result (histogram, cumulativeUsdBn, samples)
 * @param {{span?: string, idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   span: the years the cumulative revenue covers, in the page's language
 *   ("FY2027-FY2031", "2027-2031财年": i18n's `fySpan`); the rest as for revenueChart
 * @returns {SVGSVGElement}
 */
export function histogramChart(scenario, simulation, options = {}) {
  const ctx = { ...chartContext(scenario, { years: [] }, options, 'histogram-chart'), currency: 'USD' };
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
  const whole = numberFormat();
  const percentiles = ['p10', 'p50', 'p90'].map((key) => [t(`likely.percentile.${key}`), toNumber(spread[key])])
    .filter(([, value]) => value !== null);
  const offChart = target === null || targetShown ? ''
    : t(target < low ? 'charts.histogram.farBelow' : 'charts.histogram.farAbove', { target: money(target) });
  const span = options.span ? t('charts.histogram.span', { span: options.span }) : '';
  const unit = billions(ctx.currency).unit;
  const spec = {
    title: target === null
      ? t('charts.histogram.title.noTarget', { span, samples: whole.format(samples) })
      : t('charts.histogram.title', { span, samples: whole.format(samples), target: money(target) }),
    desc: usable
      ? sentences(t('charts.histogram.desc', {
        low: money(low),
        high: money(high),
        percentiles: list(percentiles.map(([name, value]) => t('charts.histogram.percentile', { name, amount: money(value) }))),
      }), offChart)
      : t('charts.histogram.none'),
    legend: [
      { label: t('charts.histogram.legend.reached'), series: 'series-reached', kind: 'bar' },
      { label: t('charts.histogram.legend.short'), series: 'series-short', kind: 'bar' },
      ...(targetShown ? [{ label: t('charts.histogram.legend.target'), series: 'series-target', kind: 'rule' }] : []),
      { label: t('charts.histogram.legend.percentiles'), series: 'series-percentile', kind: 'rule' },
    ],
    left: { title: t('charts.histogram.axis.share'), max: Math.max(0, ...bins.map((bin) => bin.share)) },
    bottom: {
      title: t('charts.histogram.axis.money', { span, unit }),
      shortTitle: t('charts.histogram.axis.money', { span: '', unit }),
      low: targetShown ? Math.min(low, target) : low,
      high: targetShown ? Math.max(high, target) : high,
    },
    frame: histogramFrame,
  };
  return chartElement(ctx, spec, (frame) => {
    const narrow = (spec.bottom.high - spec.bottom.low || Math.abs(low) * 0.1 || 1) / 80;
    for (const bin of bins) {
      const [from, to] = bin.degenerate ? [bin.from - narrow, bin.to + narrow] : [bin.from, bin.to];
      const range = bin.degenerate ? money(bin.from) : t('charts.histogram.range', { from: money(bin.from), to: money(bin.to) });
      const title = t('charts.histogram.bin', { range, share: percentText(ctx, bin.share), count: whole.format(bin.count) });
      frame.bin(from, to, bin.share, { series: bin.reached ? 'series-reached' : 'series-short', title });
    }
    if (targetShown) frame.mark(target, { series: 'series-target', label: t('charts.histogram.marker.target', { amount: money(target) }) });
    for (const [name, value] of percentiles) frame.mark(value, { series: 'series-percentile', label: name });
    frame.labels();
  });
}

/* ---------- tornado ---------- */

/**
 * The outputs a tornado can show: how to read one from `{cumulativeUsdBn,
 * npvRmbBn, grossMargin}`, the display currency of its billions (none for a
 * share) and how to word it. Its words are the messages
 * `charts.tornado.<metric>.name` (in a sentence), `.axis` and `.inSentence`.
 */
const TORNADO_METRICS = {
  cumulative: {
    read: (figures) => toNumber(figures?.cumulativeUsdBn),
    currency: () => 'USD',
  },
  npv: {
    read: (figures, ctx) => {
      const value = toNumber(figures?.npvRmbBn);
      return value === null ? null : finite(ctx.usd ? value / ctx.fx : value);
    },
    currency: (ctx) => ctx.currency,
  },
  margin: {
    read: (figures) => toNumber(figures?.grossMargin),
    currency: () => null,
  },
};

/** Heights in a tornado row: a line of its label, and its bar with the gap below. */
const LABEL_LINE = FONT + 4;
const BAR_ROW = 6 + 16 + 10;

/**
 * Pieces of text a line may not break inside: a word (with the space before
 * it), or one CJK character; each with the opening punctuation before it and
 * the closing punctuation after it (no line starts with "，" or ends with "（").
 */
const PIECES = /\s*[（“《]*(?:[^\s\u2e80-\uffff]+|[\u2e80-\uffff])[，。；：、）”》]*/g;

/**
 * Text broken into lines no wider than `width`: at spaces, and between CJK
 * characters (a word longer than that gets a line of its own).
 */
function wrap(text, width) {
  const lines = [];
  for (const piece of text.match(PIECES) ?? []) {
    const line = `${lines.at(-1) ?? ''}${piece}`;
    if (lines.length && textWidth(line) <= width) lines[lines.length - 1] = line;
    else lines.push(piece.trimStart());
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
  const tickTexts = tickLabels(ticks, { percent: spec.percent, currency: spec.currency });
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
 * @param {{metric?: 'cumulative'|'npv'|'margin', labels?: object, delta?: number, currency?: 'RMB'|'USD', idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   metric: the output shown (default cumulative US$ at the horizon; money
 *   in the display unit of the page's language, US$ bn or 亿美元…);
 *   labels: group path -> the words for its row ("AI revenue growth (each
 *   year), 60%"); delta: the fraction each group moved (default 0.1); the
 *   rest as for revenueChart
 * @returns {SVGSVGElement}
 */
export function tornadoChart(scenario, sensitivity, options = {}) {
  const ctx = chartContext(scenario, { years: [] }, options, 'tornado-chart');
  const name = Object.hasOwn(TORNADO_METRICS, options.metric ?? '') ? options.metric : 'cumulative';
  const metric = TORNADO_METRICS[name];
  const words = (key) => t(`charts.tornado.${name}.${key}`);
  const currency = metric.currency(ctx);
  // One decimal on every bar's label, so that labels read side by side line up ("US$274.0bn" beside "US$334.9bn").
  const format = (value) => (currency ? moneyText({ ...ctx, currency }, value, { fixed: true }) : percentText(ctx, value, { fixed: true }));
  const delta = toNumber(options.delta) ?? 0.1;
  const base = metric.read(sensitivity?.base, ctx) ?? 0;
  const step = percentText(ctx, delta);
  const rows = (sensitivity?.rows ?? []).map((row) => {
    const low = metric.read(row.low, ctx);
    const high = metric.read(row.high, ctx);
    const swing = low === null || high === null ? Infinity : Math.abs(high - low);
    return { group: row.group, low, high, swing, clamped: row.clamped };
  }).sort((a, b) => b.swing - a.swing);
  const label = (row) => {
    const group = options.labels?.[row.group] ?? row.group;
    return row.clamped ? t('charts.tornado.held', { label: group }) : group;
  };
  const shown = (value) => (value === null ? t('charts.tornado.overflows') : format(value));
  const side = (row, value, sign) => ({
    value,
    text: value === null ? t(sign === '−' ? 'charts.tornado.lowerOverflows' : 'charts.tornado.higherOverflows') : format(value),
    series: sign === '−' ? 'series-low' : 'series-high',
    title: t('charts.tornado.bar', { label: label(row), move: `${sign}${step}`, value: shown(value) }),
  });
  // Groups that leave this output as it is are named together under the bars.
  const still = rows.filter((row) => row.low === base && row.high === base);
  const moving = rows.filter((row) => !still.includes(row));
  const values = moving.flatMap((row) => [row.low, row.high]).filter((value) => value !== null);
  const [top, second] = moving;
  const spec = {
    title: t('charts.tornado.title', { output: words('name'), step }),
    desc: top
      ? t('charts.tornado.desc', {
        base: format(base),
        top: label(top),
        low: shown(top.low),
        high: shown(top.high),
        then: second ? t('charts.tornado.then', { label: label(second) }) : '',
      })
      : t('charts.tornado.none', { output: words('inSentence') }),
    legend: [
      { label: t('charts.tornado.legend.lower', { step }), series: 'series-low', kind: 'bar' },
      { label: t('charts.tornado.legend.higher', { step }), series: 'series-high', kind: 'bar' },
      { label: t('charts.tornado.legend.base'), series: 'series-base', kind: 'rule' },
    ],
    axisTitle: t('charts.tornado.axis', { axis: words('axis'), unit: currency ? billions(currency).unit : '%' }),
    labels: moving.map(label),
    valueTexts: values.map(format),
    footnote: still.length
      ? t('charts.tornado.footnote', { output: words('inSentence'), list: still.map(label).join(t('charts.list.semicolon')) })
      : null,
    low: Math.min(base, ...values),
    high: Math.max(base, ...values),
    base,
    percent: !currency,
    currency,
    frame: tornadoFrame,
  };
  return chartElement(ctx, spec, (frame) => {
    moving.forEach((row, index) => frame.row(index, [side(row, row.low, '−'), side(row, row.high, '+')]));
  });
}
