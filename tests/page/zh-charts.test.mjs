// The charts and "How likely?" in Chinese (`lang=zh`) in real Chromium:
// titles, legends, axes, descriptions and marks in Chinese words, fiscal
// years as 2027财年, money in 亿元 / 亿美元 with the model's digits moved one
// place (RMB216.6bn -> 2,166亿元); the How likely? and certainty sentences,
// the analysis tables, the tornado and the analysis CSV rows with the values
// the package gives for the page's scenario; no English word left in the
// words these modules write; photographed at phone and desktop widths,
// light and dark, with no label clipped or overlapping another.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { roundDecimal, shiftPoint } from '../../www/decimal.js';
import { ARTIFACTS, openPage, sharedBrowser } from './browser.mjs';

const shared = sharedBrowser();
let page;
let problems;

/** Opens the Chinese page with `keys` after the base preset's and waits for the analysis and the tornado. */
async function open(keys = '', viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  await page?.close();
  ({ page, problems } = await openPage(shared, `v=1&p=base&lang=zh${keys}`, { viewport, colorScheme }));
  await page.waitForSelector('#likely[aria-busy="false"]', { timeout: 30_000 });
  await page.waitForSelector('#tornado-chart svg.chart desc:not(:empty)', { state: 'attached' });
}

beforeEach(() => open());

const zh = new Intl.NumberFormat('zh-CN');

/**
 * Billions (the model's decimal text) as Chinese text in 亿: rounded to one
 * decimal of a billion, the point moved one place ('2161.3' -> '21,613'),
 * with `unit` after it and `minus` before a negative amount.
 */
function yi(text, unit, minus = '−') {
  const tenths = roundDecimal(String(text), 1).replace('-', '');
  const amount = zh.format(BigInt(shiftPoint(tenths, 1)));
  return `${Number(text) < 0 && amount !== '0' ? minus : ''}${amount}${unit}`;
}

/** The base preset's projection, simulation (10,000 futures, seed 1), goal seek (80%) and sensitivity, from the package. */
function baseCase() {
  return page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    const scenario = core.defaultScenario();
    const options = { samples: 10_000, seed: 1 };
    return {
      scenario,
      projection: core.compute(scenario),
      simulation: core.simulate(scenario, options),
      certainty: core.solveProbability(scenario, { ...options, probability: 0.8 }),
      sensitivity: core.sensitivity(scenario),
    };
  });
}

/** The title, description, texts and aria-labels of the chart in `#id`. */
function chartWords(id) {
  return page.evaluate((chart) => {
    const svg = document.querySelector(`#${chart} svg.chart`);
    return {
      title: svg.querySelector('title').textContent,
      desc: svg.querySelector('desc').textContent,
      texts: [...svg.querySelectorAll('text')].map((node) => node.textContent),
      tips: [...svg.querySelectorAll('g title')].map((node) => node.textContent),
      labels: [...svg.querySelectorAll('[aria-label]')].map((node) => node.getAttribute('aria-label')),
    };
  }, id);
}

/** A probability as the page words it (www/likely.js's `chance`: the same in both languages). */
const chance = (share) => page.evaluate(async (value) => (await import('/www/likely.js')).chance(value), share);

/**
 * Latin words in `text` outside the allowlist, once the words other
 * modules write are taken out (`foreign`: the form's field labels in the
 * tornado, the projection's span render.js gives the histogram).
 */
function english(text, foreign) {
  const rest = foreign.reduce((left, words) => left.split(words).join(' '), text);
  return (rest.match(/[A-Za-z][A-Za-z$]*/g) ?? []).filter((word) => !['AI', 'Token', 'A', 'B'].includes(word));
}

test('the revenue chart: Chinese title, legend and axes, 亿元 ticks, fiscal years, and its description with the core\'s figures', async () => {
  const { scenario, projection } = await baseCase();
  const { years, revenue } = projection;
  const last = years.length - 1;
  const words = await chartWords('revenue-chart');
  const target = `${yi(String(Number(scenario.targetUsdBn) * Number(scenario.fxRmbPerUsd)), '亿元')}（${yi(scenario.targetUsdBn, '亿美元')}）`;
  assert.equal(words.title, `各财年营业收入（AI收入与其他云收入），对比${target}目标的两种口径：累计与单一年度`);
  for (const label of ['已公布营业收入', 'AI收入', '其他云收入', '累计收入', '累计目标（右轴）', '单年目标（左轴）', '年收入（亿元）', '累计收入（亿元）',
    `${revenue.targetHitYear}财年累计达标`]) {
    assert.ok(words.texts.includes(label), label);
  }
  for (const year of years) assert.ok(words.texts.includes(`${year}财年`), `${year}财年`);
  // Ticks in 亿元: whole numbers grouped the Chinese way, no unit beside them.
  const ticks = words.texts.filter((text) => /^-?[\d,]+$/.test(text));
  assert.ok(ticks.includes('0') && ticks.some((tick) => tick.includes(',')), ticks.join(' '));
  const total = (i) => String(Number(revenue.ai[i]) + Number(revenue.core[i]));
  assert.ok(words.desc.startsWith(`营业收入从${years[0]}财年的${yi(total(0), '亿元')}增至${years[last]}财年的${yi(total(last), '亿元')}；`
    + `AI收入从${years[0]}财年的${yi(revenue.ai[0], '亿元')}增至${years[last]}财年的${yi(revenue.ai[last], '亿元')}。`), words.desc);
  assert.ok(words.desc.includes(`到${years[last]}财年，累计收入达到${yi(revenue.cumulativeRmbBn[last], '亿元')}，`
    + `并于${revenue.targetHitYear}财年超过${target}的目标。`), words.desc);
  assert.ok(words.desc.includes(`仅${years[last]}财年一年的收入即为${yi(total(last), '亿元')}；`), words.desc);
  assert.ok(words.desc.includes('预测期之前的已公布营业收入：2025财年为1,180亿元，2026财年为1,581亿元。'), words.desc);
  // Each explainable point says its year, series and value, and that it explains.
  assert.ok(words.labels.includes(`${years[0]}财年AI收入：${yi(revenue.ai[0], '亿元')}，查看计算过程`), words.labels[0]);
  assert.deepEqual([words.title, words.desc, ...words.texts, ...words.tips, ...words.labels].flatMap((text) => english(text, [])), []);

  // In US$ the same chart speaks 亿美元.
  await open('&cur=usd');
  const usd = await chartWords('revenue-chart');
  assert.ok(usd.texts.includes('年收入（亿美元）') && usd.texts.includes('累计收入（亿美元）'));
  assert.ok(usd.desc.includes(`累计收入达到${yi(revenue.cumulativeUsdBn[last], '亿美元')}，并于${revenue.targetHitYear}财年超过${yi(scenario.targetUsdBn, '亿美元')}的目标`),
    usd.desc);
  assert.deepEqual(problems, []);
});

test('the payback and token charts in Chinese: 净现金流 in 亿元, prices per million tokens in 元, 毛利率', async () => {
  const { projection } = await baseCase();
  const { years, capex, tokens } = projection;
  const last = years.length - 1;
  const payback = await chartWords('capex-chart');
  assert.equal(payback.title, '各财年资本开支带来的净现金流、累计净现金流与回本');
  for (const label of ['已公布资本开支（不计入回本）', '净现金流入', '净现金流出', '累计净现金流', '净现金流（亿元）']) {
    assert.ok(payback.texts.includes(label), label);
  }
  assert.ok(payback.desc.startsWith(`净现金流从${years[0]}财年的${yi(capex.netCashFlow[0], '亿元')}增至${years[last]}财年的`
    + `${yi(capex.netCashFlow[last], '亿元')}。到${years[last]}财年，累计净现金流为${yi(capex.cumulativeNet[last], '亿元')}`), payback.desc);
  const outcome = capex.paybackYears === null ? `到${years[last]}财年仍未回本` : `回本期${Number(capex.paybackYears).toFixed(1)}年`;
  assert.ok(payback.desc.includes(outcome) && payback.texts.includes(outcome), outcome);

  const token = await chartWords('tokens-chart');
  assert.equal(token.title, '各财年Token价格、成本与毛利率');
  for (const label of ['价格', '成本', '毛利率', '每百万Token（元）', '毛利率（%）']) assert.ok(token.texts.includes(label), label);
  const price = (value) => `${Number(value).toFixed(2)}元`;
  const percent = (value) => `${Number(roundDecimal(shiftPoint(value, 2), 1))}%`;
  assert.equal(token.desc, `每百万Token价格从${years[0]}财年的${price(tokens.price[0])}降至${years[last]}财年的${price(tokens.price[last])}。`
    + `每百万Token成本从${years[0]}财年的${price(tokens.costRmbPerMTok[0])}降至${years[last]}财年的${price(tokens.costRmbPerMTok[last])}。`
    + `毛利率从${years[0]}财年的${percent(tokens.grossMargin[0])}增至${years[last]}财年的${percent(tokens.grossMargin[last])}。`);
  for (const words of [payback, token]) {
    assert.deepEqual([words.title, words.desc, ...words.texts, ...words.tips, ...words.labels].flatMap((text) => english(text, [])), []);
  }
  await open('&cur=usd');
  assert.ok((await chartWords('tokens-chart')).texts.includes('每百万Token（美元）'));
  assert.deepEqual(problems, []);
});

test('How likely? in Chinese: the sentences, the certainty goal seek and the tables carry simulate()\'s figures in 亿美元', async () => {
  const { scenario, projection, simulation, certainty } = await baseCase();
  const { years } = projection;
  const [first, last] = [years[0], years.at(-1)];
  const target = yi(scenario.targetUsdBn, '亿美元');
  const hit = years.indexOf(projection.revenue.targetHitYear);
  const byPoint = hit >= 0 && hit < years.length - 1
    ? `，到${years[hit]}财年（按当前假设的达标年份）为${await chance(simulation.hitByYear[hit])}` : '';
  const spread = simulation.cumulativeUsdBn;
  assert.equal(await page.textContent('#likely-text'),
    `在10,000次模拟中，累计收入到${last}财年达到${target}目标的概率为${await chance(simulation.probabilityHitTarget)}${byPoint}；`
    + `单一年度收入达到${target}的概率为${await chance(simulation.probabilityHitAnnualTarget)}。`
    + `五分之四的模拟中，${first}-${last}财年累计收入介于${yi(spread.p10, '亿美元', '-')}与${yi(spread.p90, '亿美元', '-')}之间`
    + `（中位数${yi(spread.p50, '亿美元', '-')}）；资本开支收回成本（净现值为正）的概率为${await chance(simulation.probabilityNpvPositive)}。`);

  // The goal seek: the AI growth shift in percentage points, in Chinese.
  const shift = Number(roundDecimal(shiftPoint(String(certainty.aiGrowthShift).replace('-', ''), 2), 1)).toFixed(1);
  const then = `（届时${await chance(certainty.probability)}的模拟能够达标）`;
  assert.equal(await page.textContent('#certainty-text'), Number(certainty.aiGrowthShift) < 0
    ? `已有这样的把握：即使AI收入增长率每年降低${shift}个百分点，累计${target}目标的达成概率仍有80%${then}。`
    : `要有80%的把握达成累计${target}目标，AI收入增长率需每年提高${shift}个百分点${then}。`);

  // The tables: fiscal years, percentiles in Chinese, 亿美元.
  assert.deepEqual(await page.locator('#likely-years th').allTextContents(), ['达成年份', ...years.map((year) => `${year}财年`), '达标模拟占比']);
  assert.deepEqual(await page.locator('#likely-spreads thead th').allTextContents(), ['指标', '5分位', '10分位', '中位数', '90分位', '95分位', '均值']);
  const spreads = await page.locator('#likely-spreads tbody tr:first-child').locator('th, td').allTextContents();
  assert.deepEqual(spreads, [`${first}-${last}财年累计收入（亿美元）`, ...['p5', 'p10', 'p50', 'p90', 'p95', 'mean'].map((key) => yi(spread[key], '', '-'))]);
  assert.equal(await page.textContent('#likely-spreads tbody tr:nth-child(3) th'), '资本开支净现值（亿元）');
  assert.deepEqual(await page.locator('#histogram-table thead th').allTextContents(), ['下限（亿美元）', '上限（亿美元）', '模拟次数', '占比']);
  assert.equal(await page.textContent('#histogram-table tbody tr:first-child th'), yi(simulation.histogram.edges[0], '', '-'));
  assert.deepEqual(problems, []);
});

test('the histogram in Chinese: its description with the percentiles in 亿美元, the target and percentile marks', async () => {
  const { scenario, projection, simulation } = await baseCase();
  const { edges } = simulation.histogram;
  const spread = simulation.cumulativeUsdBn;
  const words = await chartWords('histogram-chart');
  assert.equal(words.desc, `模拟结果介于${yi(edges[0], '亿美元')}与${yi(edges.at(-1), '亿美元')}之间；10分位为${yi(spread.p10, '亿美元')}，`
    + `中位数为${yi(spread.p50, '亿美元')}，90分位为${yi(spread.p90, '亿美元')}。`);
  assert.match(words.title, new RegExp(`^.*累计收入的10,000次模拟，对比${yi(scenario.targetUsdBn, '亿美元')}目标$`));
  for (const label of ['达到目标的模拟', '未达目标的模拟', '目标', '10分位、中位数、90分位', '模拟占比', `目标${yi(scenario.targetUsdBn, '亿美元')}`,
    '10分位', '中位数', '90分位']) {
    assert.ok(words.texts.includes(label), label);
  }
  assert.ok(words.texts.some((text) => text.endsWith('累计收入（亿美元）')));
  assert.match(words.tips[0], /^[\d,]+亿美元至[\d,]+亿美元：占模拟的[\d.]+%（[\d,]+次）$/);
  const span = await page.evaluate(async (years) => (await import('/www/i18n.js')).fySpan(years), projection.years);
  assert.deepEqual([words.title, words.desc, ...words.texts, ...words.tips].flatMap((text) => english(text, [span])), []);
  assert.deepEqual(problems, []);
});

test('the tornado in Chinese: title, axis and legend for each output, the most influential group first, its table', async () => {
  const { sensitivity } = await baseCase();
  const labels = await page.evaluate(async () => (await import('/www/likely.js')).tornadoLabels());
  const swing = (row) => Math.abs(Number(row.high.cumulativeUsdBn) - Number(row.low.cumulativeUsdBn));
  const top = [...sensitivity.rows].sort((a, b) => swing(b) - swing(a))[0];
  const words = await chartWords('tornado-chart');
  assert.equal(words.title, '敏感性分析：各项输入分别调低、调高10%，哪个假设对累计收入（美元计）影响最大');
  assert.ok(words.desc.startsWith(`基准情形为${yi(sensitivity.base.cumulativeUsdBn, '亿美元')}。${labels[top.group]}影响最大：`
    + `调低时为${yi(top.low.cumulativeUsdBn, '亿美元')}，调高时为${yi(top.high.cumulativeUsdBn, '亿美元')}；其次是`), words.desc);
  for (const label of ['输入调低10%', '输入调高10%', '基准情形', '累计收入（亿美元）', labels[top.group]]) assert.ok(words.texts.includes(label), label);
  assert.ok(words.texts.some((text) => text.startsWith('对累计收入没有影响：')));
  const foreign = Object.values(labels);
  for (const [metric, axis] of [['npv', '净现值（亿元）'], ['margin', '末年毛利率（%）']]) {
    await page.selectOption('#tornado-metric', metric);
    const chart = await chartWords('tornado-chart');
    assert.ok(chart.texts.includes(axis), axis);
    assert.match(chart.desc, /^基准情形为.+。.+影响最大：调低时为.+，调高时为.+。$/);
    // The footnote's lines break field labels: the texts are read as one.
    assert.deepEqual([chart.title, chart.desc, chart.texts.join(' '), ...chart.tips].flatMap((text) => english(text, foreign)), []);
  }
  assert.deepEqual(await page.locator('#tornado-table thead th').allTextContents(), ['输入项', '变动', '累计收入（亿美元）', '净现值（亿元）', '末年毛利率']);
  assert.deepEqual(await page.locator('#tornado-table tbody tr:first-child').locator('th, td').allTextContents(),
    ['基准情形', '按输入值', yi(sensitivity.base.cumulativeUsdBn, '', '-'), yi(sensitivity.base.npvRmbBn, '', '-'),
      `${Number(roundDecimal(shiftPoint(sensitivity.base.grossMargin, 2), 1)).toFixed(1)}%`]);
  assert.deepEqual(await page.locator('#tornado-table tbody tr:nth-child(2) td:nth-of-type(1)').textContent(), '调低10.0%');
  assert.deepEqual(problems, []);
});

test('the analysis options\' problems and the analysis CSV rows in Chinese, billions moved exactly into 亿', async () => {
  for (const [typed, message] of [['', '请输入数值：1,000到1,000,000之间的整数。'], ['999', '应为1,000到1,000,000之间的整数。']]) {
    await page.fill('#samples', typed);
    assert.equal(await page.textContent('#samples-error'), message);
  }
  await page.fill('#samples', '10000');
  await page.waitForSelector('#likely[aria-busy="false"]');
  const { simulation, sensitivity } = await baseCase();
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const csv = readFileSync(await file.path(), 'utf8');
  assert.ok(csv.includes(`模拟,累计目标的达成概率（小数）,${simulation.probabilityHitTarget}\r\n`));
  assert.ok(csv.includes(`分位数,累计收入（亿美元）,${['p5', 'p10', 'p50', 'p90', 'p95', 'mean'].map((key) => shiftPoint(simulation.cumulativeUsdBn[key], 1)).join(',')}\r\n`));
  assert.equal(csv.match(/^直方图,\d/gm).length, 40);
  assert.ok(csv.includes(`直方图,${shiftPoint(simulation.histogram.edges[0], 1)},${shiftPoint(simulation.histogram.edges[1], 1)},${simulation.histogram.counts[0]}\r\n`));
  assert.ok(csv.includes('置信度反推,累计目标的期望达成概率（小数）,0.8\r\n'));
  assert.equal(csv.match(/^敏感性分析,(revenue|capex|tokens|fx)/gm).length, 26);
  assert.ok(csv.includes(`敏感性分析,,基准情形,0,${shiftPoint(sensitivity.base.cumulativeUsdBn, 1)},${shiftPoint(sensitivity.base.npvRmbBn, 1)},`));
  assert.equal(csv.match(/^敏感性分析,revenue\.aiGrowth,AI收入增长率,(-0\.1|0\.1),/gm).length, 2);

  // A link asking for a level not offered.
  await open('&sure=85');
  assert.match(await page.textContent('#link-notice'), /链接中的置信度85不是50、80、90、95（百分比）之一，置信度反推改用80%/);
  assert.deepEqual(problems, []);
});

test('charts at 320, 360 and 1280 px, light and dark: no chart text clipped or over another; screenshots', async () => {
  for (const [width, colorScheme] of [[320, 'light'], [360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    await open('', { width, height: 900 }, colorScheme);
    const faults = await page.evaluate(() => [...document.querySelectorAll('svg.chart')].flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((node) => [node.textContent, node.getBBox(), node.getBoundingClientRect()]);
      const clipped = texts.filter(([, , rect]) => rect.width && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5))
        .map(([text]) => `${svg.parentElement.id}: ${text} clipped`);
      // Glyph boxes (getBBox, in the chart's units) of two texts meeting: more than a pixel each way.
      const over = [];
      texts.forEach(([a, A], i) => texts.slice(i + 1).forEach(([b, B]) => {
        const across = Math.min(A.x + A.width, B.x + B.width) - Math.max(A.x, B.x);
        const down = Math.min(A.y + A.height, B.y + B.height) - Math.max(A.y, B.y);
        if (A.width && B.width && across > 1 && down > 3) over.push(`${svg.parentElement.id}: ${a} over ${b}`);
      }));
      return [...clipped, ...over];
    }));
    assert.deepEqual(faults, [], `${width} px ${colorScheme}`);
    for (const id of ['revenue-chart', 'capex-chart', 'tokens-chart', 'histogram-chart', 'tornado-chart']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id}`).screenshot({ path: `${ARTIFACTS}zh-${id}-${width}-${colorScheme}.png` });
    }
  }
  assert.deepEqual(problems, []);
});
