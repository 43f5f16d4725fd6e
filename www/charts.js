// SVG charts of a projection: revenue path, capex payback and token economics.
//
// Built with createElementNS only (no markup strings, no style attributes), so
// they work under a strict Content-Security-Policy. Colours, strokes and dashes
// come from the page's stylesheet through class names; the only presentation
// attributes set here are geometry the layout depends on (font-size on the root,
// text-anchor on text) and fill="currentColor" so text shows before CSS loads.
//
// Layout happens in viewBox units equal to CSS pixels: each chart lays itself
// out again at its displayed width (through a ResizeObserver), so its 13 px text
// stays 13 px on a phone instead of shrinking with the picture.

import { patchChildren } from './dom.js';
import {
  billions, formatBillions, fy, numberFormat, t,
} from './i18n.js';
import { aiOverHalfIndex } from './outputs.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 13; // text size in viewBox units
const PAD = 8; // space around the whole chart
const ROW = 20; // height of a legend or title row
const TICK = 4; // length of tick marks
const SWATCH = 18; // width of a legend swatch
const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 280;
const MAX_WIDTH = 1600;
const LIMIT = 1e300; // larger magnitudes are treated as missing, so sums stay finite

/* ---------- numbers ---------- */

const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

/** A finite number, or null for anything unusable (NaN, infinities, absurd sizes). */
function finite(value) {
  return Number.isFinite(value) && Math.abs(value) <= LIMIT ? value : null;
}

/** Parses one of the core's decimal strings (or a number) for plotting; null if missing. */
function toNumber(value) {
  return value === null || value === undefined || value === '' ? null : finite(Number(value));
}

/** Reads `length` values from a possibly missing array, converted, with null for gaps. */
function readSeries(values, length, convert = (value) => value) {
  return Array.from({ length }, (_, i) => {
    const value = toNumber(Array.isArray(values) ? values[i] : null);
    return value === null ? null : finite(convert(value));
  });
}

/** The points of a series that have values, as [index, value] pairs. */
const present = (values) => values.flatMap((value, i) => (value === null ? [] : [[i, value]]));

/** Removes float noise such as 0.30000000000000004 (and -0) from tick values. */
const tidy = (value) => Number(value.toPrecision(12)) || 0;

/* ---------- formatting ---------- */

/**
 * A formatter in the page's language with up to `digits` decimals that
 * switches to compact or scientific notation for huge magnitudes, so labels
 * stay short.
 */
function formatter(magnitude, digits, { percent = false, fixed = false } = {}) {
  const scaled = percent ? magnitude * 100 : magnitude;
  const notation = scaled >= 1e15 ? 'scientific' : scaled >= 1e6 ? 'compact' : 'standard';
  const standard = notation === 'standard';
  const format = numberFormat({
    style: percent ? 'percent' : 'decimal',
    notation,
    minimumFractionDigits: standard && fixed ? digits : 0,
    maximumFractionDigits: standard ? digits : 2,
  });
  const zero = numberFormat({ style: percent ? 'percent' : 'decimal' }); // not "0E0"
  return (value) => (value === 0 && !standard ? zero : format).format(value);
}

/** Decimals needed to show multiples of a 1, 2 or 5 × 10^n step exactly. */
const stepDigits = (step) => clamp(Math.ceil(-Math.log10(step) - 1e-9), 0, 20);

/**
 * An amount in billions of `currency` ('RMB' or 'USD') as the number shown
 * beside its unit, `digits` decimals of a billion: '301.4' (English, RMB bn
 * or US$ bn); in Chinese the same digits in 亿 ('3,014'), moved exactly.
 * `formatBillions` without its unit; for tables and fixed tick labels.
 */
function billionsNumber(value, currency, digits = 1) {
  const { prefix, suffix, shift } = billions(currency);
  const number = Number(value);
  if (!(Math.abs(number) < 1e21)) {
    // Past 1e21 a number's decimal text has an exponent, which formatBillions cannot move: times 10^shift as a float.
    const places = Math.max(0, digits - shift);
    return numberFormat({ minimumFractionDigits: places, maximumFractionDigits: places }).format(number * 10 ** shift);
  }
  const text = formatBillions(value, currency, { decimals: digits });
  const sign = text.startsWith('-') ? '-' : '';
  return sign + text.slice(sign.length + prefix.length, text.length - suffix.length);
}

/**
 * Labels for values in billions of `currency` up to `digits` decimals of a
 * billion (`fixed`: always that many), in the display unit: RMB bn and US$ bn
 * in English, 亿元 and 亿美元 in Chinese (the digits moved exactly, always
 * `digits - shift` decimals; huge magnitudes, where labels turn compact,
 * multiplied as floats). `magnitude` (the largest value labelled) chooses
 * the notation for all of them.
 */
function billionsFormatter(currency, magnitude, digits, { fixed = false } = {}) {
  const { shift } = billions(currency);
  const scale = 10 ** shift;
  if (shift === 0) return formatter(magnitude, digits, { fixed });
  if (magnitude * scale >= 1e6) {
    const format = formatter(magnitude * scale, Math.max(0, digits - shift), { fixed });
    return (value) => format(value * scale);
  }
  return (value) => billionsNumber(value, currency, digits);
}

/** A signed amount for words: a minus sign (read as "minus"), then the text of the magnitude. */
const signed = (value, text) => `${value < 0 ? '−' : ''}${text}`;

/**
 * Money in words and labels, from billions of `ctx.currency`: "RMB216.6bn",
 * "−US$15.3bn"; "2,166亿元", "−153亿美元". A whole number of billions drops
 * its decimal ("US$274bn") unless `fixed` ("US$274.0bn", for labels read
 * side by side).
 */
function moneyText(ctx, value, { fixed = false } = {}) {
  const { prefix, suffix } = billions(ctx.currency);
  const magnitude = Math.abs(value);
  return signed(value, `${prefix}${billionsFormatter(ctx.currency, magnitude, 1, { fixed })(magnitude)}${suffix}`);
}

/** A price per million tokens: "RMB2.10", "US$0.29", "US$0.060"; "2.10元", "0.29美元". */
function priceText(ctx, value) {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 0.1 ? 2 : 3;
  const amount = formatter(magnitude, digits, { fixed: true })(magnitude);
  return signed(value, t('charts.price', { currency: t(`charts.currency.${ctx.currency}`), amount }));
}

/** A fraction as a percentage: 0.454 → "45.4%"; 0.45 → "45%", or "45.0%" when `fixed`. */
const percentText = (ctx, value, { fixed = false } = {}) => signed(
  value, formatter(Math.abs(value), 1, { percent: true, fixed })(Math.abs(value)));

/** A fiscal year: "FY2027" / "2027财年", or when short "FY27" / "27财年"; '' for none. */
function yearText(year, short = false) {
  if (year === null) return '';
  return short ? t('charts.year.short', { year: String(year).slice(-2) }) : fy(year);
}

/** Sentences as one text: "A. B." / "甲。乙。" (empty ones left out). */
const sentences = (...texts) => texts.filter(Boolean).join(t('charts.sentence.gap'));

/** Items of a list in a sentence: "a, b" / "甲，乙". */
const list = (items) => items.join(t('charts.list.separator'));

/* ---------- scales and ticks ---------- */

/** The smallest step of 1, 2 or 5 × 10^n that is at least `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].find((unit) => unit * power >= raw * (1 - 1e-12)) * power;
}

/** The range of some values, always including zero and never empty. */
function extent(values) {
  const numbers = values.filter((value) => value !== null);
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  return low === high ? [0, 1] : [low, high];
}

/** The nice step for [low, high] with `below` intervals under zero and `above` over it, or null. */
function stepFor([low, high], below, above) {
  if ((low < 0 && below === 0) || (high > 0 && above === 0)) return null;
  return niceStep(Math.max(below ? -low / below : 0, above ? high / above : 0));
}

/**
 * Ticks for one or more value axes sharing a plot. Every axis gets the same
 * number of intervals with zero on the same gridline, so gridlines serve both
 * axes; among the counts allowed, the one that leaves least empty space wins.
 * @returns {{min: number, max: number, step: number, ticks: number[]}[]}
 */
function sharedTicks(extents, minCount, maxCount) {
  let best = null;
  for (let count = minCount; count <= maxCount; count += 1) {
    for (let below = 0; below <= count; below += 1) {
      const steps = extents.map((range) => stepFor(range, below, count - below));
      if (steps.includes(null)) continue;
      const fill = Math.min(...extents.map(([low, high], i) => (high - low) / (count * steps[i])));
      if (!best || fill > best.fill + 1e-9) best = { fill, count, below, steps };
    }
  }
  return best.steps.map((step) => {
    const ticks = Array.from({ length: best.count + 1 }, (_, j) => tidy((j - best.below) * step));
    return { min: ticks[0], max: ticks[best.count], step, ticks };
  });
}

/** A linear scale from [min, max] to pixel rows [bottom, top]. */
const linear = (min, max, bottom, top) => (value) => bottom + ((value - min) / (max - min)) * (top - bottom);

/* ---------- SVG building ---------- */

/** Creates an SVG element with attributes (undefined ones skipped) and optional text. */
function svgEl(parent, name, attributes = {}, text) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) node.setAttribute(key, String(value));
  }
  if (text !== undefined) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}

const round = (value) => Math.round(value * 10) / 10;

/**
 * Estimated width of a text, from rough character widths (in em) of a wide
 * sans-serif: narrower fonts only leave a little more room than planned.
 */
function textWidth(text, bold = false) {
  let em = 0;
  for (const char of text) {
    if (char >= '\u2e80') em += 1; // CJK characters and full-width punctuation
    else if ('iljI.,:;\'|!'.includes(char)) em += 0.3;
    else if ('frt()- '.includes(char)) em += 0.4;
    else if ('mwMW%−'.includes(char)) em += 0.9;
    else if (char >= 'A' && char <= 'Z') em += 0.7;
    else em += 0.62;
  }
  return em * FONT * (bold ? 1.1 : 1);
}

/** How much two boxes ({x, y, width, height}) overlap, as an area. */
function overlap(a, b) {
  const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return across > 0 && down > 0 ? across * down : 0;
}

/** A legend entry's swatch: a square for bars, a line sample (with dot) for lines and rules. */
function drawSwatch(parent, { kind, series }, x, y) {
  if (kind === 'bar') {
    svgEl(parent, 'rect', { class: `swatch ${series}`, x: x + 3, y: y - 6, width: 12, height: 12 });
    return;
  }
  svgEl(parent, 'line', { class: `swatch ${kind} ${series}`, x1: x, y1: y, x2: x + SWATCH, y2: y });
  if (kind === 'line') svgEl(parent, 'circle', { class: `dot ${series}`, cx: x + SWATCH / 2, cy: y, r: 3 });
}

/** Flows legend entries into rows across the width; returns the y below the legend. */
function drawLegend(parent, items, width) {
  let x = PAD;
  let y = PAD + ROW / 2;
  for (const item of items) {
    const advance = SWATCH + 6 + textWidth(item.label);
    if (x > PAD && x + advance > width - PAD) {
      x = PAD;
      y += ROW;
    }
    drawSwatch(parent, item, x, y);
    svgEl(parent, 'text', { class: 'chart-legend', x: x + SWATCH + 6, y: round(y + FONT * 0.35) }, item.label);
    x += advance + 16;
  }
  return items.length ? y + ROW / 2 : PAD;
}

/**
 * Axis titles over the plot: the left one flush left, the right one (or the
 * spec's note) flush right, on two rows if they do not fit on one. Returns the
 * y below them.
 */
function drawTitles(parent, top, width, spec) {
  const left = { text: spec.left.title, className: 'chart-title' };
  const right = spec.right
    ? { text: spec.right.title, className: 'chart-title' }
    : spec.note && { text: spec.note, className: 'chart-note' };
  const leftY = top + FONT;
  svgEl(parent, 'text', { class: left.className, x: PAD, y: leftY }, left.text);
  if (!right) return leftY + 4;
  const fits = textWidth(left.text, true) + textWidth(right.text, true) + 24 <= width - 2 * PAD;
  const rightY = fits ? leftY : leftY + ROW - 2;
  svgEl(parent, 'text', { class: right.className, x: width - PAD, y: rightY, 'text-anchor': 'end' }, right.text);
  return rightY + 4;
}

/** Year labels: "FY2027" ("2027财年"), or "FY27" ("27财年") when crowded, and only every n-th one if still crowded. */
function yearLabels(years, band) {
  const short = textWidth(yearText(2027)) + 16 > band;
  const every = Math.max(1, Math.ceil((textWidth(yearText(2027, short)) + 8) / band));
  return years.map((year, i) => ((years.length - 1 - i) % every === 0 ? yearText(year, short) : ''));
}

/**
 * Tick labels of one axis, with as many decimals as its step needs: of
 * percentages (`percent`), of billions of `currency` in its display unit,
 * or of plain numbers.
 */
function tickLabels({ step, ticks }, { percent = false, currency } = {}) {
  const magnitude = Math.max(...ticks.map(Math.abs));
  const digits = stepDigits(percent ? step * 100 : step);
  if (currency) return ticks.map(billionsFormatter(currency, magnitude, digits, { fixed: true }));
  return ticks.map(formatter(magnitude, digits, { percent, fixed: true }));
}

/**
 * Draws the legend and axis titles at `width` and works out the plot below
 * them: its edges, the value axes (ticks, labels, scale) and the year bands.
 */
function layout(root, ctx, spec, width) {
  const plotTop = drawTitles(root, drawLegend(svgEl(root, 'g'), spec.legend, width), width, spec) + FONT;
  const plotHeight = Math.round(clamp(width * 0.42, 170, 300));
  const plotBottom = plotTop + plotHeight;
  const count = clamp(Math.round(plotHeight / 45), 3, 6);
  const specs = [spec.left, spec.right].filter(Boolean);
  const axes = sharedTicks(specs.map((axis) => extent(axis.values)), count - 1, count + 1).map((ticks, i) => ({
    ...ticks,
    labels: tickLabels(ticks, { percent: specs[i].format === 'percent', currency: specs[i].currency }),
    scale: linear(ticks.min, ticks.max, plotBottom, plotTop),
  }));
  const gutter = (axis) => Math.max(...axis.labels.map((label) => textWidth(label))) + TICK + 6;
  const plotLeft = PAD + gutter(axes[0]);
  const plotRight = width - PAD - (axes[1] ? gutter(axes[1]) : 4);
  const band = (plotRight - plotLeft) / Math.max(1, ctx.years.length);
  return {
    height: plotBottom + FONT + 10 + PAD,
    plotTop,
    plotBottom,
    plotLeft,
    plotRight,
    band,
    axes,
    /** The centre of year `index` (fractional indexes fall between years). */
    x: (index) => plotLeft + (index + 0.5) * band,
  };
}

/** Draws gridlines, value axes with ticks and labels, the zero line and the year axis. */
function drawAxes(layers, geometry, years) {
  const { plotTop, plotBottom, plotLeft, plotRight, axes, x } = geometry;
  const line = (parent, className, x1, y1, x2, y2) => svgEl(parent, 'line', { class: className, x1, y1, x2, y2 });
  axes[0].ticks.forEach((value, j) => {
    const row = round(axes[0].scale(value));
    line(layers.grid, 'chart-grid', plotLeft, row, plotRight, row);
    axes.forEach((axis, i) => {
      const [edge, out] = i === 0 ? [plotLeft, -TICK] : [plotRight, TICK];
      line(layers.axes, 'chart-axis', edge, row, edge + out, row);
      svgEl(layers.axes, 'text', {
        class: 'chart-label', x: edge + out * 2, y: round(row + FONT * 0.35), 'text-anchor': i === 0 ? 'end' : 'start',
      }, axis.labels[j]);
    });
  });
  for (const edge of axes.length > 1 ? [plotLeft, plotRight] : [plotLeft]) {
    line(layers.axes, 'chart-axis', edge, plotTop, edge, plotBottom);
  }
  line(layers.axes, 'chart-axis', plotLeft, plotBottom, plotRight, plotBottom);
  if (axes[0].min < 0) {
    const zero = round(axes[0].scale(0));
    line(layers.axes, 'chart-axis zero', plotLeft, zero, plotRight, zero);
  }
  yearLabels(years, geometry.band).forEach((label, i) => {
    if (!label) return;
    const column = round(x(i));
    line(layers.axes, 'chart-axis', column, plotBottom, column, plotBottom + TICK);
    svgEl(layers.axes, 'text', { class: 'chart-label', x: column, y: plotBottom + TICK + FONT, 'text-anchor': 'middle' }, label);
  });
  if (!years.length) {
    svgEl(layers.marks, 'text', {
      class: 'chart-note', x: round((plotLeft + plotRight) / 2), y: round((plotTop + plotBottom) / 2), 'text-anchor': 'middle',
    }, t('charts.noYears'));
  }
}

/**
 * Where to put a marker's label of `width` near (cx, cy): above or below, to
 * the left, centred or to the right, one row further away at a time when
 * nearer places cover more of the `obstacles`. Returns the label's box.
 */
function placeLabel(geometry, obstacles, cx, cy, width) {
  const { plotTop, plotBottom, plotLeft, plotRight } = geometry;
  const candidates = [0, 1, 2].flatMap((away) => [true, false].flatMap((above) => {
    const top = above ? cy - 10 - FONT - away * ROW : cy + 10 + away * ROW;
    return [cx - 10 - width, cx + 10, cx - width / 2].map((left) => {
      const box = { x: clamp(left, plotLeft + 2, plotRight - 2 - width), y: top, width, height: FONT, away, above };
      const outside = box.y < plotTop || box.y + box.height > plotBottom ? 1e9 : 0;
      const margin = { x: box.x - 3, y: box.y - 3, width: width + 6, height: FONT + 6 };
      const covered = obstacles.reduce((sum, obstacle) => sum + overlap(margin, obstacle), 0);
      return { box, cost: outside + covered + away * 40 };
    });
  }));
  return candidates.reduce((a, b) => (b.cost < a.cost ? b : a)).box;
}

/** Points every 4 units along a segment, as small boxes labels should not cover. */
function segmentBoxes([x1, y1], [x2, y2]) {
  const samples = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 4));
  return Array.from({ length: samples + 1 }, (_, k) => ({
    x: x1 + ((x2 - x1) * k) / samples - 2, y: y1 + ((y2 - y1) * k) / samples - 2, width: 4, height: 4,
  }));
}

/**
 * Draws the shared parts of a chart at `width` into `root` and returns its
 * height with helpers that draw data on top: bar, line, rule and marker.
 */
function drawFrame(root, ctx, spec, width) {
  const geometry = layout(root, ctx, spec, width);
  const layers = Object.fromEntries(['grid', 'bars', 'axes', 'lines', 'marks'].map((name) => [name, svgEl(root, 'g')]));
  drawAxes(layers, geometry, ctx.years);
  const { plotLeft, plotRight, band, axes, x } = geometry;
  const scaleOf = (axis) => axes[axis === 'right' ? 1 : 0].scale;
  const obstacles = []; // what marker labels should not cover
  const tip = (parent, text) => text && svgEl(parent, 'title', {}, text);
  /** What makes a bar or dot a button that explains the output `path` (see `chartElement`). */
  const explaining = (path, title) => (path ? {
    'data-explain': path, role: 'button', tabindex: -1, 'aria-label': t('charts.explain', { title }),
  } : {});
  return {
    height: geometry.height,
    /**
     * A bar for year `index` from `from` to `to` on an axis, `share` of the
     * band wide; `explain`: the output path it shows, when it can be explained.
     */
    bar(index, from, to, {
      series, axis = 'left', share = 0.6, title, explain,
    }) {
      const scale = scaleOf(axis);
      const barWidth = Math.min(band * share, 80);
      const [a, b] = [scale(from), scale(to)].sort((p, q) => p - q);
      const box = { x: x(index) - barWidth / 2, y: a, width: barWidth, height: b - a };
      obstacles.push(box);
      tip(svgEl(layers.bars, 'rect', {
        class: `bar ${series}`, x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height), ...explaining(explain, title),
      }), title);
    },
    /**
     * A line through a series, broken at missing values, with a dot on every
     * point; `explain`: the output the series shows (`revenue.ai`), each dot explaining its year.
     */
    line(values, {
      series, axis = 'left', title, explain,
    }) {
      const scale = scaleOf(axis);
      const runs = [];
      values.forEach((value, i) => {
        if (value === null) return;
        if (i === 0 || values[i - 1] === null) runs.push([]);
        runs.at(-1).push([x(i), scale(value)]);
      });
      for (const run of runs.filter((points) => points.length > 1)) {
        run.slice(1).forEach((end, k) => obstacles.push(...segmentBoxes(run[k], end)));
        const points = run.map(([px, py]) => `${round(px)},${round(py)}`).join(' ');
        svgEl(layers.lines, 'polyline', { class: 'halo', points });
        svgEl(layers.lines, 'polyline', { class: `line ${series}`, points });
      }
      for (const [i, value] of present(values)) {
        const text = title?.(i, value);
        const dot = svgEl(layers.lines, 'circle', {
          class: `dot ${series}`, cx: round(x(i)), cy: round(scale(value)), r: 3.5, ...explaining(explain && ctx.output(explain, i), text),
        });
        tip(dot, text);
      }
    },
    /** A horizontal rule across the plot at a value. */
    rule(value, { series, axis = 'left' }) {
      const row = round(scaleOf(axis)(value));
      obstacles.push({ x: plotLeft, y: row - 2, width: plotRight - plotLeft, height: 4 });
      svgEl(layers.lines, 'line', { class: `rule ${series}`, x1: plotLeft, y1: row, x2: plotRight, y2: row });
    },
    /**
     * A labelled marker at a (possibly fractional) year index and a value, with
     * a leader line when the label had to move away from it. Draw markers
     * last: each label keeps clear of what was drawn before, other labels too.
     */
    marker(index, value, { axis = 'left', label }) {
      const cx = clamp(x(index), plotLeft, plotRight);
      const cy = scaleOf(axis)(value);
      svgEl(layers.marks, 'circle', { class: 'chart-marker', cx: round(cx), cy: round(cy), r: 6 });
      const box = placeLabel(geometry, obstacles, cx, cy, textWidth(label, true));
      obstacles.push(box); // the next marker's label goes elsewhere
      if (box.away) {
        svgEl(layers.marks, 'line', {
          class: 'chart-marker leader',
          x1: round(cx),
          y1: round(cy + (box.above ? -7 : 7)),
          x2: round(clamp(cx, box.x, box.x + box.width)),
          y2: round(box.above ? box.y + box.height + 2 : box.y - 2),
        });
      }
      svgEl(layers.marks, 'text', { class: 'chart-note', x: round(box.x), y: round(box.y + FONT * 0.8) }, label);
    },
  };
}

/* ---------- chart shell ---------- */

/**
 * Settings every chart derives from its options and the projection's years,
 * after the reported years (`options.reported`, `[{fiscalYear, value}]`)
 * when there are any: each series read from the projection starts with a
 * gap for them.
 */
function chartContext(scenario, projection, options, name) {
  const {
    currency, fx: fxOption, idPrefix, width, into,
  } = options ?? {};
  const usd = currency === 'USD';
  const fx = toNumber(fxOption) ?? toNumber(scenario?.fxRmbPerUsd);
  const projected = Array.isArray(projection?.years) ? projection.years.map(toNumber) : [];
  const reported = Array.isArray(options?.reported) ? options.reported : [];
  const lead = reported.map(() => null);
  const years = [...reported.map((year) => toNumber(year.fiscalYear)), ...projected];
  const toDisplay = usd ? (value) => value / fx : undefined;
  return {
    id: String(idPrefix ?? name),
    usd,
    fx,
    /** The display currency: money is read in billions of it, and shown in its unit of the page's language. */
    currency: usd ? 'USD' : 'RMB',
    years,
    width: toNumber(width) ?? DEFAULT_WIDTH,
    /** A chart this module drew earlier, to draw into again (its nodes and observer reused). */
    into: drawers.has(into) ? into : null,
    /** The output path of a series' point at chart index `i` (after the reported years): `revenue.ai[0]`. */
    output: (name, i) => `${name}[${i - lead.length}]`,
    /** The reported figures (RMB) in the display currency, one per reported year. */
    reported: readSeries(reported.map((year) => year.value), lead.length, toDisplay),
    /** Reads a series of RMB amounts in the display currency. */
    money: (values) => [...lead, ...readSeries(values, projected.length, toDisplay)],
    read: (values) => [...lead, ...readSeries(values, projected.length)],
    /**
     * Reads a series of another projection (`options.compare`, the pinned
     * scenario A's) onto this chart's years, matched by fiscal year, RMB
     * amounts in the display currency when `money`; null without one.
     */
    compared: (pick, money = false) => {
      const other = options?.compare;
      if (!other || !Array.isArray(other.years)) return null;
      const values = pick(other);
      return years.map((year) => {
        const value = toNumber(Array.isArray(values) ? values[other.years.indexOf(year)] : null);
        return value === null || !other.years.includes(year) ? null : finite(money && toDisplay ? toDisplay(value) : value);
      });
    },
  };
}

/** Arrow keys, Home and End move the focus between a chart's explainable points (a roving tab stop). */
function movePointFocus(event) {
  const points = [...event.currentTarget.querySelectorAll('[data-explain]')];
  const at = points.indexOf(event.target);
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (at < 0 || (step === undefined && !['Home', 'End'].includes(event.key))) return;
  event.preventDefault();
  const to = event.key === 'Home' ? 0 : event.key === 'End' ? points.length - 1 : clamp(at + step, 0, points.length - 1);
  points[at].setAttribute('tabindex', '-1');
  points[to].setAttribute('tabindex', '0');
  points[to].focus();
}

/** How to draw each chart this module made at a given width: the ResizeObserver calls it. */
const drawers = new WeakMap();

/**
 * Creates the accessible <svg> with its title and description (or takes
 * `ctx.into`, a chart drawn before, and draws into it, keeping its element
 * and its observer), draws it at the requested width, and redraws it at its
 * displayed width whenever that changes. The frame is the year chart's
 * (`drawFrame`) unless `spec.frame(root, ctx, spec, width)` draws another
 * and returns its `{height}` with the helpers `drawData` uses.
 */
function chartElement(ctx, spec, drawData) {
  const fresh = !ctx.into;
  const svg = ctx.into ?? svgEl(null, 'svg', {
    class: 'chart',
    role: 'img',
    width: '100%',
    'font-size': FONT,
    fill: 'currentColor',
  });
  svg.setAttribute('aria-labelledby', `${ctx.id}-title ${ctx.id}-desc`);
  if (fresh) {
    svgEl(svg, 'title');
    svgEl(svg, 'desc');
    svgEl(svg, 'g');
  }
  const [title, desc, body] = svg.children;
  title.id = `${ctx.id}-title`;
  title.textContent = spec.title;
  desc.id = `${ctx.id}-desc`;
  desc.textContent = spec.desc;
  const draw = (width) => {
    drawers.set(svg, { draw, width });
    const layoutWidth = clamp(Math.round(width), MIN_WIDTH, MAX_WIDTH);
    // Drawn apart, then patched in: an unchanged axis or legend is not touched.
    const next = svgEl(null, 'g');
    const frame = (spec.frame ?? drawFrame)(next, ctx, spec, layoutWidth);
    drawData(frame);
    // A chart with explainable points is a group of buttons (one tab stop,
    // the arrow keys move between them); its drawing is hidden from
    // assistive technology, which has the title, description and table.
    const points = next.querySelectorAll('[data-explain]');
    points[0]?.setAttribute('tabindex', '0');
    svg.setAttribute('role', points.length ? 'group' : 'img');
    if (points.length) {
      for (const layer of next.children) if (!layer.querySelector('[data-explain]')) layer.setAttribute('aria-hidden', 'true');
    }
    svg.setAttribute('viewBox', `0 0 ${layoutWidth} ${frame.height}`);
    patchChildren(body, [...next.childNodes]);
  };
  draw(ctx.width);
  if (fresh) svg.addEventListener('keydown', movePointFocus);
  if (fresh && typeof ResizeObserver === 'function') {
    // Redraw on the next frame: redrawing inside the callback would resize the
    // element again within the same frame, which browsers report as an error.
    const redraw = (width) => {
      const drawer = drawers.get(svg);
      if (width !== drawer.width) drawer.draw(width);
    };
    new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width > 0 && width !== drawers.get(svg).width) requestAnimationFrame(() => redraw(width));
    }).observe(svg);
  }
  return svg;
}

/* ---------- descriptions ---------- */

/** "X rises from A in FY2027 to B in FY2031", or a shorter form for one point or no data. */
function describeChange(ctx, subject, values, format) {
  const points = present(values);
  if (!points.length) return t('charts.change.none', { subject });
  const [[i, a], [j, b]] = [points[0], points.at(-1)];
  const [first, last] = [yearText(ctx.years[i]), yearText(ctx.years[j])];
  if (i === j) return t('charts.change.one', { subject, value: format(ctx, a), year: first });
  if (a === b) return t('charts.change.same', { subject, value: format(ctx, a), first, last });
  return t(b > a ? 'charts.change.rises' : 'charts.change.falls', {
    subject, from: format(ctx, a), first, to: format(ctx, b), last,
  });
}

/** Per-year tooltip text for a point of a series (`name`: the series in words, as inside a sentence). */
const pointTitle = (ctx, name, format) => (i, value) => t('charts.point', { year: yearText(ctx.years[i]), name, value: format(ctx, value) });

/** Money by year as a list in a sentence ("FY2025 RMB118bn, FY2026 RMB158.1bn"), from `[index, value]` points. */
const amountsByYear = (ctx, points) => list(points.map(([i, value]) => t('charts.list.item', {
  year: yearText(ctx.years[i]), amount: moneyText(ctx, value),
})));

/* ---------- the charts ---------- */

/**
 * Revenue path: AI revenue stacked on core revenue per year (left axis),
 * cumulative revenue as a line and the target as a dashed rule (right axis),
 * and the same target as a dotted rule on the left axis for the annual
 * reading (one year's revenue), with a marker where each reading is first met.
 * Words, years and numbers are in the page's language (www/i18n.js); money
 * in billions of the display currency, shown as RMB bn / US$ bn in English
 * and 亿元 / 亿美元 in Chinese.
 * @param {object} scenario the scenario the projection was computed from
 *   (uses targetUsdBn and fxRmbPerUsd)
 * @param {object} projection the core's projection (uses years and revenue)
 * @param {{currency?: 'RMB'|'USD', fx?: number, idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   currency of the display (default RMB); fx in RMB per US$ (default the
 *   scenario's); idPrefix for the ids of the title and description (default
 *   'revenue-chart'); width of the first layout in CSS px before the chart
 *   is displayed (default 640); into, a chart this module returned before,
 *   to draw into again instead of making a new element (for redrawing on
 *   every edit); reported, the reported revenue before the projection
 *   (`[{fiscalYear, value}]`, RMB bn), drawn as bars of their own; compare,
 *   the projection of a pinned scenario A, whose cumulative revenue is drawn
 *   beside this one's, muted and dashed (the payback and token charts draw
 *   A's cumulative net cash and gross margin the same way). The year the AI
 *   share of revenue first reaches half is marked.
 * @returns {SVGSVGElement}
 */
export function revenueChart(scenario, projection, options = {}) {
  const ctx = chartContext(scenario, projection, options, 'revenue-chart');
  const revenue = projection?.revenue ?? {};
  const ai = ctx.money(revenue.ai);
  const core = ctx.money(revenue.core);
  const total = ai.map((value, i) => (value === null && core[i] === null ? null : (value ?? 0) + (core[i] ?? 0)));
  const cumulative = ctx.read(ctx.usd ? revenue.cumulativeUsdBn : revenue.cumulativeRmbBn);
  const cumulativeA = ctx.compared((other) => other.revenue?.[ctx.usd ? 'cumulativeUsdBn' : 'cumulativeRmbBn']);
  const targetUsd = toNumber(scenario?.targetUsdBn);
  const target = targetUsd === null ? null : finite(ctx.usd ? targetUsd : targetUsd * ctx.fx);
  const targetText = target === null ? '' : ctx.usd ? moneyText(ctx, target)
    : t('charts.target.inUsd', { amount: moneyText(ctx, target), usd: moneyText({ ...ctx, currency: 'USD' }, targetUsd) });
  const hitYear = toNumber(revenue.targetHitYear);
  const hitIndex = hitYear === null ? -1 : ctx.years.indexOf(hitYear);
  const annualHitYear = toNumber(revenue.annualTargetHitYear);
  const annualHitIndex = annualHitYear === null ? -1 : ctx.years.indexOf(annualHitYear);
  const halfIndex = aiOverHalfIndex(ctx.read(revenue.aiShare));

  // Stack positive parts upwards and negative parts downwards from zero.
  const tops = { up: ctx.years.map(() => 0), down: ctx.years.map(() => 0) };
  const segments = [['series-core', 'charts.revenue.point.core', core, 'revenue.core'], ['series-ai', 'charts.revenue.ai', ai, 'revenue.ai']]
    .flatMap(([series, name, values, path]) => present(values).map(([i, value]) => {
      const side = value >= 0 ? tops.up : tops.down;
      const from = side[i];
      side[i] += value;
      return {
        i, from, to: side[i], series, title: pointTitle(ctx, t(name), moneyText)(i, value), explain: ctx.output(path, i),
      };
    }));
  const reported = present(ctx.reported).map(([i, value]) => ({
    i, from: 0, to: value, series: 'series-reported', title: pointTitle(ctx, t('charts.revenue.point.reported'), moneyText)(i, value),
  }));
  const reportedText = reported.length ? t('charts.revenue.reported', { list: amountsByYear(ctx, reported.map(({ i, to }) => [i, to])) }) : '';
  const halfText = halfIndex < 0 ? t('charts.revenue.half.never') : t('charts.revenue.half', { year: yearText(ctx.years[halfIndex]) });

  const versus = target === null ? ''
    : hitYear === null ? t('charts.revenue.short', { target: targetText })
      : t('charts.revenue.passes', { target: targetText, year: yearText(hitYear) });
  const [lastIndex, last] = present(cumulative).at(-1) ?? [];
  const reach = last === undefined
    ? t('charts.revenue.reach.none', { versus })
    : t('charts.revenue.reach', { amount: moneyText(ctx, last), year: yearText(ctx.years[lastIndex]), versus });
  const [finalIndex, final] = present(total).at(-1) ?? [];
  const oneYear = target === null || final === undefined ? '' : t('charts.revenue.oneYear', {
    year: yearText(ctx.years[finalIndex]),
    amount: moneyText(ctx, final),
    rest: annualHitYear === null ? t('charts.revenue.oneYear.never') : t('charts.revenue.oneYear.first', { year: yearText(annualHitYear) }),
  });
  const unit = billions(ctx.currency).unit;
  const spec = {
    title: t('charts.revenue.title', { target: targetText }),
    desc: sentences(
      t('charts.revenue.change', {
        total: describeChange(ctx, t('charts.revenue.total'), total, moneyText),
        ai: describeChange(ctx, t('charts.revenue.ai'), ai, moneyText),
      }),
      reach,
      oneYear,
      halfText,
      reportedText,
      cumulativeA && t('charts.sentence', { text: describeChange(ctx, t('charts.revenue.cumulativeA'), cumulativeA, moneyText) }),
    ),
    legend: [
      ...(reported.length ? [{ label: t('charts.revenue.legend.reported'), series: 'series-reported', kind: 'bar' }] : []),
      { label: t('charts.revenue.ai'), series: 'series-ai', kind: 'bar' },
      { label: t('charts.revenue.legend.core'), series: 'series-core', kind: 'bar' },
      {
        label: t(cumulativeA ? 'charts.revenue.legend.cumulativeB' : 'charts.revenue.legend.cumulative'),
        series: 'series-cumulative',
        kind: 'line',
      },
      ...(cumulativeA ? [{ label: t('charts.revenue.legend.cumulativeA'), series: 'series-compare', kind: 'line' }] : []),
      ...(target === null ? [] : [
        { label: t('charts.revenue.legend.target'), series: 'series-target', kind: 'rule' },
        { label: t('charts.revenue.legend.targetAnnual'), series: 'series-target-annual', kind: 'rule' },
      ]),
    ],
    left: {
      title: t('charts.revenue.axis.annual', { unit }),
      currency: ctx.currency,
      values: [...[...segments, ...reported].map((s) => s.to), ...segments.map((s) => s.from), target],
    },
    right: {
      title: t('charts.revenue.axis.cumulative', { unit }),
      currency: ctx.currency,
      values: [...cumulative, ...(cumulativeA ?? []), target],
    },
  };
  return chartElement(ctx, spec, (frame) => {
    for (const {
      i, from, to, series, title, explain,
    } of [...reported, ...segments]) frame.bar(i, from, to, { series, title, explain });
    if (target !== null) {
      frame.rule(target, { series: 'series-target', axis: 'right' });
      frame.rule(target, { series: 'series-target-annual', axis: 'left' });
    }
    if (cumulativeA) {
      frame.line(cumulativeA, {
        series: 'series-compare', axis: 'right', title: pointTitle(ctx, t('charts.revenue.point.cumulativeA'), moneyText),
      });
    }
    const title = pointTitle(ctx, t('charts.revenue.point.cumulative'), moneyText);
    frame.line(cumulative, {
      series: 'series-cumulative', axis: 'right', title, explain: ctx.usd ? 'revenue.cumulativeUsdBn' : 'revenue.cumulativeRmbBn',
    });
    if (hitIndex >= 0 && cumulative[hitIndex] !== null) {
      frame.marker(hitIndex, cumulative[hitIndex], { axis: 'right', label: t('charts.revenue.marker.cumulative', { year: yearText(hitYear) }) });
    }
    if (annualHitIndex >= 0 && total[annualHitIndex] !== null) {
      frame.marker(annualHitIndex, total[annualHitIndex], { label: t('charts.revenue.marker.annual', { year: yearText(annualHitYear) }) });
    }
    if (halfIndex >= 0 && total[halfIndex] !== null) {
      frame.marker(halfIndex, total[halfIndex], { label: t('charts.revenue.marker.half', { year: yearText(ctx.years[halfIndex]) }) });
    }
  });
}

/**
 * Capex payback: net cash flow per year as bars (outflows below zero in their
 * own colour), cumulative net cash as a line, a zero line, and a marker where
 * cumulative net cash turns positive ("Payback 3.8 years"), or a note that it
 * does not within the horizon.
 * @param {object} scenario the scenario (uses baseFiscalYear and fxRmbPerUsd)
 * @param {object} projection the core's projection (uses years and capex)
 * @param {{currency?: 'RMB'|'USD', fx?: number, idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   as for revenueChart; idPrefix defaults to 'payback-chart'; reported, the
 *   capex reported before the projection (`[{fiscalYear, value}]`, RMB bn),
 *   drawn below zero as bars of their own, outside the payback
 * @returns {SVGSVGElement}
 */
export function paybackChart(scenario, projection, options = {}) {
  const ctx = chartContext(scenario, projection, options, 'payback-chart');
  const capex = projection?.capex ?? {};
  const net = ctx.money(capex.netCashFlow);
  const cumulative = ctx.money(capex.cumulativeNet);
  const cumulativeA = ctx.compared((other) => other.capex?.cumulativeNet, true);
  const payback = toNumber(capex.paybackYears);
  const baseYear = toNumber(scenario?.baseFiscalYear) ?? (ctx.years[0] ?? 0) - 1;
  // Year i ends i + 1 years after the base year, so payback after p years sits
  // at index p - 1 when the years start right after the base year.
  const paybackIndex = payback === null ? null : finite(baseYear + payback - (ctx.years[0] ?? baseYear + 1));
  const noPayback = ctx.years.length ? t('charts.payback.none.by', { year: yearText(ctx.years.at(-1)) }) : t('charts.payback.none');
  const note = payback === null ? noPayback : payback <= 0 ? t('charts.payback.never') : undefined;
  const paybackLabel = payback > 0 ? t('charts.payback.label', { years: formatter(payback, 1, { fixed: true })(payback) }) : null;

  const points = present(cumulative);
  const lowest = points.reduce((low, point) => (low && low[1] <= point[1] ? low : point), null);
  const [lastIndex, last] = points.at(-1) ?? [];
  const low = lowest?.[1] < last ? t('charts.payback.low', { amount: moneyText(ctx, lowest[1]), year: yearText(ctx.years[lowest[0]]) }) : '';
  const position = points.length ? t('charts.payback.position', { amount: moneyText(ctx, last), year: yearText(ctx.years[lastIndex]), low }) : '';
  const outcome = paybackLabel
    ? t('charts.payback.outcome', { payback: paybackLabel, year: yearText(Math.ceil(baseYear + payback)) })
    : t('charts.sentence', { text: note });
  const reported = present(ctx.reported);
  const reportedText = reported.length ? t('charts.payback.reported', { list: amountsByYear(ctx, reported) }) : '';
  const spec = {
    title: t('charts.payback.title'),
    desc: sentences(
      t('charts.sentence', { text: describeChange(ctx, t('charts.payback.net'), net, moneyText) }),
      position,
      outcome,
      reportedText,
      cumulativeA && t('charts.sentence', { text: describeChange(ctx, t('charts.payback.cumulativeA'), cumulativeA, moneyText) }),
    ),
    legend: [
      ...(reported.length ? [{ label: t('charts.payback.legend.reported'), series: 'series-reported', kind: 'bar' }] : []),
      ...(net.some((value) => value > 0) ? [{ label: t('charts.payback.legend.inflow'), series: 'series-positive', kind: 'bar' }] : []),
      ...(net.some((value) => value < 0) ? [{ label: t('charts.payback.legend.outflow'), series: 'series-negative', kind: 'bar' }] : []),
      {
        label: t(cumulativeA ? 'charts.payback.legend.cumulativeB' : 'charts.payback.legend.cumulative'),
        series: 'series-cumulative',
        kind: 'line',
      },
      ...(cumulativeA ? [{ label: t('charts.payback.legend.cumulativeA'), series: 'series-compare', kind: 'line' }] : []),
    ],
    left: {
      title: t('charts.payback.axis', { unit: billions(ctx.currency).unit }),
      currency: ctx.currency,
      values: [...net, ...cumulative, ...(cumulativeA ?? []), ...reported.map(([, value]) => -value)],
    },
    note,
  };
  return chartElement(ctx, spec, (frame) => {
    for (const [i, value] of reported) {
      frame.bar(i, 0, -value, { series: 'series-reported', title: pointTitle(ctx, t('charts.payback.point.reported'), moneyText)(i, value) });
    }
    for (const [i, value] of present(net)) {
      const [series, name] = value >= 0 ? ['series-positive', 'charts.payback.point.inflow'] : ['series-negative', 'charts.payback.point.outflow'];
      frame.bar(i, 0, value, { series, title: pointTitle(ctx, t(name), moneyText)(i, value), explain: ctx.output('capex.netCashFlow', i) });
    }
    if (cumulativeA) {
      frame.line(cumulativeA, { series: 'series-compare', title: pointTitle(ctx, t('charts.payback.point.cumulativeA'), moneyText) });
    }
    frame.line(cumulative, {
      series: 'series-cumulative', title: pointTitle(ctx, t('charts.payback.point.cumulative'), moneyText), explain: 'capex.cumulativeNet',
    });
    if (paybackLabel && paybackIndex !== null) frame.marker(paybackIndex, 0, { label: paybackLabel });
  });
}

/**
 * Token economics: price and cost per million tokens as lines (left axis) and
 * gross margin as bars in percent (right axis, may be negative).
 * @param {object} scenario the scenario (uses fxRmbPerUsd)
 * @param {object} projection the core's projection (uses years and tokens)
 * @param {{currency?: 'RMB'|'USD', fx?: number, idPrefix?: string, width?: number, into?: SVGSVGElement}} [options]
 *   as for revenueChart; idPrefix defaults to 'token-chart'
 * @returns {SVGSVGElement}
 */
export function tokenChart(scenario, projection, options = {}) {
  const ctx = chartContext(scenario, projection, options, 'token-chart');
  const tokens = projection?.tokens ?? {};
  const price = ctx.money(tokens.price);
  const cost = ctx.money(tokens.costRmbPerMTok);
  const margin = ctx.read(tokens.grossMargin);
  const marginA = ctx.compared((other) => other.tokens?.grossMargin);
  const spec = {
    title: t('charts.tokens.title'),
    desc: sentences(...[
      describeChange(ctx, t('charts.tokens.price'), price, priceText),
      describeChange(ctx, t('charts.tokens.cost'), cost, priceText),
      describeChange(ctx, t('charts.tokens.margin'), margin, percentText),
      ...(marginA ? [describeChange(ctx, t('charts.tokens.marginA'), marginA, percentText)] : []),
    ].map((text) => t('charts.sentence', { text }))),
    legend: [
      { label: t('charts.tokens.legend.price'), series: 'series-price', kind: 'line' },
      { label: t('charts.tokens.legend.cost'), series: 'series-cost', kind: 'line' },
      { label: t('charts.tokens.margin'), series: 'series-margin', kind: 'bar' },
      ...(marginA ? [{ label: t('charts.tokens.legend.marginA'), series: 'series-compare', kind: 'line' }] : []),
    ],
    left: { title: t('charts.tokens.axis.price', { currency: t(`charts.currency.${ctx.currency}`) }), values: [...price, ...cost] },
    right: { title: t('charts.tokens.axis.margin'), values: [...margin, ...(marginA ?? [])], format: 'percent' },
  };
  return chartElement(ctx, spec, (frame) => {
    for (const [i, value] of present(margin)) {
      const title = pointTitle(ctx, t('charts.tokens.point.margin'), percentText)(i, value);
      frame.bar(i, 0, value, {
        series: 'series-margin', axis: 'right', share: 0.45, title, explain: ctx.output('tokens.grossMargin', i),
      });
    }
    if (marginA) {
      frame.line(marginA, { series: 'series-compare', axis: 'right', title: pointTitle(ctx, t('charts.tokens.point.marginA'), percentText) });
    }
    frame.line(price, { series: 'series-price', title: pointTitle(ctx, t('charts.tokens.point.price'), priceText), explain: 'tokens.price' });
    frame.line(cost, { series: 'series-cost', title: pointTitle(ctx, t('charts.tokens.point.cost'), priceText), explain: 'tokens.costRmbPerMTok' });
  });
}

/** What the analysis charts (www/analysis-charts.js) draw with, and likely.js's tables write billions with. */
export {
  billionsNumber, chartContext, chartElement, clamp, drawLegend, finite, FONT, list, moneyText, niceStep, PAD, percentText, ROW, round,
  sentences, svgEl, TICK, textWidth, tickLabels, tidy, toNumber,
};
