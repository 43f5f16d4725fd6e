// Words and tables of the analysis ("How likely?"): the chance of the target
// on both readings from `simulate`, the certainty goal seek from
// `solveProbability`, the tornado's rows from `sensitivity`, and their CSV
// rows. Shares and shifts are the model's decimal text, rounded exactly for
// display and never to a certainty the simulation did not show.

import { roundDecimal, shiftPoint } from './decimal.js';
import { FIELD_TEXT } from './fields.js';
import { span, usd } from './render.js';

const whole = new Intl.NumberFormat('en');
const one = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });


/**
 * A probability (fraction text) as a percentage with one decimal, exactly
 * rounded, that never rounds a possibility away: "81.2%", "0%", "<0.1%",
 * ">99.9%", "100%".
 */
export function chance(share) {
  const text = String(share);
  if (Number(text) <= 0) return '0%';
  if (Number(text) >= 1) return '100%';
  const percent = roundDecimal(shiftPoint(text, 2), 1);
  if (Number(percent) === 0) return '<0.1%';
  if (Number(percent) === 100) return '>99.9%';
  return `${one.format(Number(percent))}%`;
}

/** Target text: "US$100bn". */
const targetText = (scenario) => `US$${whole.format(Number(scenario.targetUsdBn))}bn`;

/**
 * The answer in words: how often each reading of the target is reached, by
 * the year the point forecast reaches it, the middle of the futures and the
 * chance the capex pays back (NPV > 0). Two sentences.
 */
export function likelySentences(scenario, projection, simulation) {
  const { years } = projection;
  const last = `FY${years.at(-1)}`;
  const target = targetText(scenario);
  const hitYear = projection.revenue.targetHitYear;
  const hitIndex = hitYear === null ? -1 : years.indexOf(hitYear);
  const byPoint = hitIndex >= 0 && hitIndex < years.length - 1
    ? `, in ${chance(simulation.hitByYear[hitIndex])} by FY${hitYear} (when the assumptions as typed reach it)`
    : '';
  const spread = simulation.cumulativeUsdBn;
  return [
    `In ${chance(simulation.probabilityHitTarget)} of ${whole.format(simulation.samples)} simulated futures the cumulative `
      + `${target} target is reached by ${last}${byPoint}; revenue reaches ${target} in a single year in `
      + `${chance(simulation.probabilityHitAnnualTarget)}.`,
    `Four in five futures give ${usd(spread.p10)} to ${usd(spread.p90)} of cumulative revenue over ${span(years)} `
      + `(median ${usd(spread.p50)}), and in ${chance(simulation.probabilityNpvPositive)} the capex earns back its cost `
      + '(net present value above zero).',
  ];
}

/** Percentage points of a growth shift (fraction text): "12.3". */
const points = (shift) => one.format(Number(roundDecimal(shiftPoint(String(shift).replace(/^-/, ''), 2), 1)));

/**
 * The certainty goal seek in words: how much AI revenue growth must change
 * every year for the cumulative target to be `level` percent likely (higher,
 * lower: already that sure), or that it is out of reach or already certain
 * within the search range.
 */
export function certaintySentence(scenario, level, result) {
  const target = `the cumulative ${targetText(scenario)} target`;
  const sure = `${level}%`;
  const got = result.probability === null ? '' : ` (then ${chance(result.probability)} of the simulated futures reach it)`;
  if (result.beyond === 'above') {
    return `Out of reach: even AI revenue growth 1,000 points higher every year does not make ${target} ${sure} likely.`;
  }
  if (result.beyond === 'below') {
    return `Already certain enough: even AI revenue growth 200 points lower every year leaves ${target} at least ${sure} likely.`;
  }
  const shift = Number(result.aiGrowthShift);
  if (points(result.aiGrowthShift) === '0.0') {
    return `The AI revenue growth assumed makes ${target} just about ${sure} likely${got}.`;
  }
  if (shift > 0) {
    return `To be ${sure} sure of ${target}, AI revenue growth must be ${points(result.aiGrowthShift)} percentage points `
      + `higher every year${got}.`;
  }
  return `Already that sure: AI revenue growth could be ${points(result.aiGrowthShift)} percentage points lower every year `
    + `and ${target} would still be ${sure} likely${got}.`;
}

/**
 * The analysis tables: the chance by year, the percentiles (US$ bn for
 * revenue; NPV in the display currency), the histogram's bins and the
 * tornado's rows, as `{id, title, head, rows}` with display text.
 */
export function likelyTables(scenario, projection, simulation, currency) {
  const { years } = projection;
  const last = `FY${years.at(-1)}`;
  const amount = (value) => one.format(Number(value));
  const spreadRow = (label, spread, format) => [label, ...['p5', 'p10', 'p50', 'p90', 'p95', 'mean'].map((key) => format(spread[key]))];
  const npvUnit = `${currency.symbol} bn`;
  const { edges, counts } = simulation.histogram;
  const bins = counts.map((count, i) => [
    amount(edges[i]), amount(edges[i + 1]), whole.format(count), chance(String(count / simulation.samples)),
  ]);
  return {
    byYear: {
      caption: 'Chance the cumulative target is reached, by fiscal year',
      head: ['Reached by', ...years.map((year) => `FY${year}`)],
      rows: [['Share of simulated futures', ...simulation.hitByYear.map(chance)]],
    },
    spreads: {
      caption: `The simulated futures' spread (${whole.format(simulation.samples)} futures, seed ${simulation.seed})`,
      head: ['Figure', 'p5', 'p10', 'p50', 'p90', 'p95', 'Mean'],
      rows: [
        spreadRow(`Cumulative revenue ${span(years)} (US$ bn)`, simulation.cumulativeUsdBn, amount),
        spreadRow(`Revenue in ${last} alone (US$ bn)`, simulation.annualUsdBn, amount),
        spreadRow(`Net present value of the capex (${npvUnit})`, simulation.npvRmbBn, (value) => one.format(currency.convert(value))),
      ],
    },
    histogram: {
      caption: `Simulated cumulative revenue ${span(years)}: futures per bin`,
      head: ['From (US$ bn)', 'To (US$ bn)', 'Futures', 'Share'],
      rows: bins,
    },
  };
}

/** The tornado's row labels: each group's name and how it moves ("AI revenue growth (every year)"). */
export function tornadoLabels() {
  return Object.fromEntries(Object.keys(FIELD_TEXT).map((path) => [path, FIELD_TEXT[path].label]));
}

/** The tornado as a table: each group's low and high value of every output, in display text. */
export function tornadoTable(sensitivity, currency, delta = '0.1') {
  const step = `${one.format(Number(shiftPoint(delta, 2)))}%`;
  const money = (value) => (value === null ? 'overflows' : one.format(currency.convert(value)));
  const amount = (value) => (value === null ? 'overflows' : one.format(Number(value)));
  const margin = (value) => (value === null ? 'overflows' : `${one.format(Number(shiftPoint(value, 2)))}%`);
  const cells = (figures) => (figures === null
    ? ['overflows', 'overflows', 'overflows']
    : [amount(figures.cumulativeUsdBn), money(figures.npvRmbBn), margin(figures.grossMargin)]);
  return {
    caption: `Each input ${step} lower and higher: what the outputs become`,
    head: ['Input', 'Moved', 'Cumulative revenue (US$ bn)', `Net present value (${currency.symbol} bn)`, 'Gross margin, last year'],
    rows: [
      ['Base case', 'as typed', ...cells(sensitivity.base)],
      ...sensitivity.rows.flatMap((row) => {
        const name = `${FIELD_TEXT[row.group]?.label ?? row.group}${row.clamped ? ' (held in its range)' : ''}`;
        return [[name, `${step} lower`, ...cells(row.low)], [name, `${step} higher`, ...cells(row.high)]];
      }),
    ],
  };
}

/**
 * The analysis as CSV rows `[section, figure, ...values]`, in the model's
 * exact decimal text (shares as fractions): the options, the chances, the
 * percentiles, the histogram, the certainty goal seek and the tornado.
 * `money` turns an RMB bn figure into the CSV's currency; `symbol` names it.
 */
export function analysisCsvRows({ projection, simulation, certainty, level, sensitivity, money, symbol }) {
  const { years } = projection;
  const rows = [];
  if (simulation) {
    const spreads = [['Cumulative revenue (US$ bn)', simulation.cumulativeUsdBn, (v) => v],
      [`Revenue in FY${years.at(-1)} alone (US$ bn)`, simulation.annualUsdBn, (v) => v],
      [`Net present value (${symbol} bn)`, simulation.npvRmbBn, money]];
    rows.push(
      [],
      ['Simulation', 'Figure', 'Value'],
      ['Simulation', 'Samples', String(simulation.samples)],
      ['Simulation', 'Seed', String(simulation.seed)],
      ['Simulation', 'Chance the cumulative target is reached (fraction)', simulation.probabilityHitTarget],
      ...years.map((year, i) => ['Simulation', `Chance it is reached by FY${year} (fraction)`, simulation.hitByYear[i]]),
      ['Simulation', 'Chance one year reaches the target (fraction)', simulation.probabilityHitAnnualTarget],
      ['Simulation', 'Chance the net present value is above zero (fraction)', simulation.probabilityNpvPositive],
      [],
      ['Percentiles', 'Figure', 'p5', 'p10', 'p50', 'p90', 'p95', 'Mean'],
      ...spreads.map(([label, spread, as]) => ['Percentiles', label,
        ...['p5', 'p10', 'p50', 'p90', 'p95', 'mean'].map((key) => as(spread[key]))]),
      [],
      ['Histogram', 'From (US$ bn)', 'To (US$ bn)', 'Futures'],
      ...simulation.histogram.counts.map((count, i) => ['Histogram', simulation.histogram.edges[i],
        simulation.histogram.edges[i + 1], String(count)]),
    );
  }
  if (certainty) {
    rows.push(
      [],
      ['Certainty goal seek', 'Figure', 'Value'],
      ['Certainty goal seek', 'Chance wanted for the cumulative target (fraction)', shiftPoint(level, -2)],
      ['Certainty goal seek', 'AI growth shift every year (fraction)', certainty.aiGrowthShift ?? ''],
      ['Certainty goal seek', 'Chance with that shift (fraction)', certainty.probability ?? ''],
      ['Certainty goal seek', 'Outside the search range [-2, 10]', certainty.beyond ?? ''],
    );
  }
  if (sensitivity) {
    const cells = (figures) => (figures === null ? ['', '', ''] : [figures.cumulativeUsdBn, money(figures.npvRmbBn), figures.grossMargin]);
    rows.push(
      [],
      ['Sensitivity', 'Input group', 'Moved', 'Cumulative revenue (US$ bn)', `Net present value (${symbol} bn)`,
        'Gross margin, last year (fraction)', 'Held in its range'],
      ['Sensitivity', 'Base case', '0', ...cells(sensitivity.base), ''],
      ...sensitivity.rows.flatMap((row) => [
        ['Sensitivity', row.group, '-0.1', ...cells(row.low), String(row.clamped)],
        ['Sensitivity', row.group, '0.1', ...cells(row.high), String(row.clamped)],
      ]),
    );
  }
  return rows;
}
