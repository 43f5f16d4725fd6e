// The form in Chinese (`#v=1&p=base&lang=zh`): group titles, labels, units,
// range texts and fiscal years in Chinese; money in 亿元 and 亿美元, typed
// and read back exactly (every field round-trips through the link); every
// problem worded in Chinese from the core's path and kind; the presets'
// names, rationales and source notes in Chinese.
import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, sharedBrowser } from './browser.mjs';

const shared = sharedBrowser();
let page;
let problems;

/** Opens the Chinese page of the base preset and waits for its own answer. */
async function open(fragment = 'v=1&p=base&lang=zh') {
  await page?.close();
  ({ page, problems } = await openPage(shared, fragment));
  await page.locator('html:not(.prerendered):not(.lang-pending) #status:not(:empty)').waitFor();
}

beforeEach(() => open());
after(() => page?.close());

const text = (selector) => page.textContent(selector);
const error = (path) => text(`#f-${path.replace(/\./g, '-')}-error`);

/** Latin words left in `texts`, beyond the names and abbreviations Chinese financial writing keeps. */
function english(texts) {
  const allowed = /\b(?:AI|RMB|US\$|MaaS|EBITA|NPV|IRR|CSV|JSON|SVG|Token|GPU|kWh|kW|A\/B)\b|US\$/g;
  return texts.flatMap((value) => value.replace(allowed, '').match(/[A-Za-z]+/g) ?? []);
}

test('groups, labels, units, year labels, range texts and the Fill button are in Chinese', async () => {
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(await page.locator('#inputs fieldset.group legend').allTextContents(),
    ['目标与汇率', '收入', '资本开支与回报', 'Token经济', '不确定性']);
  const label = (path) => text(`label[for="f-${path.replace(/\./g, '-')}"]`);
  assert.equal(await label('targetUsdBn'), '收入目标（亿美元）');
  assert.equal(await label('fxRmbPerUsd'), '汇率（元/美元）');
  assert.equal(await label('revenue.baseRmbBn'), '基准年AI+云收入（亿元）');
  assert.equal(await label('capex.discountRate'), '折现率（%/年）');
  assert.equal(await label('capex.assetLifeYears'), '折旧年限（年）');
  assert.equal(await label('capex.baseEbitaRmbBn'), '基准年经调整EBITA（亿元）');
  assert.equal(await label('tokens.priceRmbPerMTok'), '基准年百万Token价格（元）');
  assert.equal(await label('tokens.electricityRmbPerKwh'), '电价（元/千瓦时）');
  assert.equal(await label('tokens.powerKw'), '含散热的单卡功耗（千瓦）');
  assert.equal(await label('tokens.acceleratorCostRmb'), '含服务器分摊的进口芯片单卡成本（元）');
  assert.equal(await label('tokens.utilization'), '利用率（%，按服务时长计）');
  assert.equal(await label('baseFiscalYear'), '基准财年（第0年）');
  assert.equal(await label('uncertainty.fxSpread'), '汇率上下浮动幅度（元/美元）');
  assert.equal(await text('#f-capex-rmbBn-label'), '资本开支（亿元/年）');
  assert.equal(await text('#f-revenue-aiGrowth-label'), 'AI收入增长率（%/年）');
  assert.equal(await text('#f-tokens-inHouseShare-label'), '算力集群中自研芯片占比（%）');

  // Money shown in 亿 (the model's RMB bn times 10), percentages times 100.
  assert.equal(await page.inputValue('#f-targetUsdBn'), '1000');
  assert.equal(await page.inputValue('#f-revenue-baseRmbBn'), '1581.32');
  assert.equal(await page.inputValue('#f-capex-baseEbitaRmbBn'), '142.65');
  assert.deepEqual(await page.locator('[data-cells="capex.rmbBn"] input').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['1300', '1300', '1200', '1000', '1000']);
  assert.deepEqual(await page.locator('[data-cells="capex.rmbBn"] .year').allTextContents(),
    ['2027财年', '2028财年', '2029财年', '2030财年', '2031财年']);

  const range = (path) => text(`#f-${path.replace(/\./g, '-')}-range`);
  assert.equal(await range('horizonYears'), '整数，1至10');
  assert.equal(await range('baseFiscalYear'), '整数，1990至2100');
  assert.equal(await range('revenue.aiGrowth'), '-99至1,000（%/年）');
  assert.equal(await range('targetUsdBn'), '大于0，不超过10,000,000（亿美元）');
  assert.equal(await range('revenue.baseRmbBn'), '大于0，不超过10,000,000（亿元）');
  assert.equal(await range('capex.rmbBn'), '0至1,000,000（亿元/年）');
  assert.equal(await range('capex.baseEbitaRmbBn'), '-1,000,000至1,000,000（亿元）');
  assert.equal(await range('fxRmbPerUsd'), '大于0，不超过1,000（元/美元）');
  assert.equal(await range('tokens.inHouseCostRatio'), '大于0，不超过1,000（相当于进口芯片的%）');

  const fill = page.locator('[data-fill="revenue.aiGrowth"]');
  assert.equal(await fill.textContent(), '填充以后各年');
  assert.equal(await fill.getAttribute('aria-label'), '填充以后各年：将AI收入增长率2027财年的值填入以后各年');
  await page.fill('#f-revenue-aiGrowth-1', '80');
  assert.equal(await fill.getAttribute('aria-label'), '填充以后各年：将AI收入增长率2028财年的值填入以后各年');

  // No English word left in the fieldsets' text, aria-labels or titles (the
  // source notes come from the presets: see the presets' test).
  const words = await page.locator('#inputs fieldset.group').evaluateAll((groups) => groups.flatMap((group) => {
    const texts = [];
    const walker = document.createTreeWalker(group, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('.note')) texts.push(walker.currentNode.data);
    for (const node of group.querySelectorAll('[aria-label], [title]')) texts.push(node.getAttribute('aria-label') ?? '', node.title);
    return texts;
  }));
  assert.deepEqual(english(words), []);
  assert.deepEqual(problems, []);
});

test('every problem is worded in Chinese, from the field and the kind of problem', async () => {
  const cases = [
    ['fxRmbPerUsd', '7,17', '小数请用小数点（7.17，而非7,17）；逗号只能用作千位分隔符（1,250）。'],
    ['fxRmbPerUsd', '7 17', '数字中间请勿输入空格（1250或1,250）。'],
    ['fxRmbPerUsd', '7%', '请去掉%：此项的单位是元/美元。'],
    ['fxRmbPerUsd', '', '请输入数值。'],
    ['fxRmbPerUsd', '7.1.2e', '请输入数字，例如12.5，不要带字母或指数。'],
    ['fxRmbPerUsd', '1.00000000000000000000000000001', '有效数字或小数位数超过28位。'],
    ['fxRmbPerUsd', '0', '应为大于0，不超过1,000（元/美元）。'],
    ['horizonYears', '11', '应为整数，1至10。'],
    ['horizonYears', '6.5', '应为整数，1至10。'],
    ['targetUsdBn', '0', '应为大于0，不超过10,000,000（亿美元）。'],
    ['revenue.baseRmbBn', '10,000,001', '应为大于0，不超过10,000,000（亿元）。'],
  ];
  for (const [path, typed, message] of cases) {
    const id = `#f-${path.replace(/\./g, '-')}`;
    const before = await page.inputValue(id);
    await page.fill(id, typed);
    assert.equal(await page.getAttribute(id, 'aria-invalid'), 'true', typed);
    assert.equal(await error(path), message, typed);
    await page.fill(id, before);
    assert.equal(await page.getAttribute(id, 'aria-invalid'), null, typed);
  }
  // A year's problem names its fiscal year.
  await page.fill('#f-revenue-aiGrowth-2', '2000');
  assert.equal(await error('revenue.aiGrowth'), 'AI收入增长率，2029财年：应为-99至1,000（%/年）。');
  await page.fill('#f-capex-rmbBn-0', '1,30');
  assert.equal(await error('capex.rmbBn'), '资本开支，2027财年：小数请用小数点（7.17，而非7,17）；逗号只能用作千位分隔符（1,250）。');
  await page.fill('#f-capex-rmbBn-0', '-1');
  assert.equal(await error('capex.rmbBn'), '资本开支，2027财年：应为0至1,000,000（亿元/年）。');
  await page.fill('#f-capex-rmbBn-0', '1300');
  await page.fill('#f-revenue-aiGrowth-2', '60');
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
  assert.deepEqual(problems, []);
});

test('a link with a bad value opens with its problem in Chinese, and the 亿元 value shown', async () => {
  await open('v=1&p=base&rev.base=-5&capex=130,x&lang=zh');
  assert.equal(await page.inputValue('#f-revenue-baseRmbBn'), '-50');
  assert.equal(await error('revenue.baseRmbBn'), '应为大于0，不超过10,000,000（亿元）。');
  assert.equal(await error('capex.rmbBn'), '资本开支，2028财年：请输入数字，例如12.5，不要带字母或指数。');
  assert.deepEqual(problems, []);
});

/**
 * Every field, with text typed as the form shows it (亿元, 亿美元, %) and
 * the model text it must become: [path, typed, model]. A year array is
 * typed in its first year.
 */
const ROUND_TRIP = [
  ['targetUsdBn', '1,234.5', '123.45'],
  ['horizonYears', '6', 6],
  ['baseFiscalYear', '2025', 2025],
  ['fxRmbPerUsd', '7.1234', '7.1234'],
  ['revenue.baseRmbBn', '1,600.05', '160.005'],
  ['revenue.aiShareBase', '12.5', '0.125'],
  ['revenue.aiGrowth', '150.25', '1.5025'],
  ['revenue.coreGrowth', '-5', '-0.05'],
  ['capex.rmbBn', '1,450.5', '145.05'],
  ['capex.incrementalCashMargin', '-12.5', '-0.125'],
  ['capex.assetLifeYears', '7', 7],
  ['capex.discountRate', '8.25', '0.0825'],
  ['capex.baseEbitaRmbBn', '-142.65', '-14.265'],
  ['tokens.priceRmbPerMTok', '2.5', '2.5'],
  ['tokens.priceChange', '0.5', '0.005'],
  ['tokens.tokensPerDayTrillions', '12.5', '12.5'],
  ['tokens.volumeGrowth', '250', '2.5'],
  ['tokens.acceleratorCostRmb', '180,000', '180000'],
  ['tokens.acceleratorLifeYears', '4', 4],
  ['tokens.tokensPerSecond', '2,500', '2500'],
  ['tokens.throughputGain', '45', '0.45'],
  ['tokens.utilization', '60%', '0.6'],
  ['tokens.inHouseShare', '15', '0.15'],
  ['tokens.inHouseCostRatio', '50', '0.5'],
  ['tokens.inHousePerfRatio', '62.5', '0.625'],
  ['tokens.powerKw', '1.25', '1.25'],
  ['tokens.electricityRmbPerKwh', '0.55', '0.55'],
  ['tokens.otherOpexRmbPerHour', '1.75', '1.75'],
  ['uncertainty.aiGrowthSpread', '25', '0.25'],
  ['uncertainty.coreGrowthSpread', '4', '0.04'],
  ['uncertainty.fxSpread', '0.4', '0.4'],
  ['uncertainty.cashMarginSpread', '7.5', '0.075'],
];

test('every field typed in the units shown is read back exactly in the model\'s units', async () => {
  const fields = await page.evaluate(async () => (await import('/tests/page/reference-core.js')).core.fields().map((f) => f.path));
  assert.deepEqual(ROUND_TRIP.map(([path]) => path).sort(), [...fields].sort(), 'every field is typed');
  for (const [path, typed] of ROUND_TRIP) {
    const id = `#f-${path.replace(/\./g, '-')}`;
    await page.fill((await page.locator(id).count()) ? id : `${id}-0`, typed);
  }
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
  // The scenario as the page reads it, through the link it writes (relative
  // to the base preset) once it holds the last field typed.
  await page.waitForFunction(() => location.hash.includes('unc.margin=0.075'));
  const scenario = await page.evaluate(async () => (await import('/tests/page/reference-core.js')).core.decodeScenario(location.hash.slice(1)).scenario);
  for (const [path, typed, model] of ROUND_TRIP) {
    const value = path.split('.').reduce((at, key) => at[key], scenario);
    assert.deepEqual(Array.isArray(value) ? value[0] : value, model, `${path}: ${typed}`);
  }
  // The reported base, typed in 亿元 with a thousands separator, is the
  // model's RMB158.132bn exactly: the preset's value, which the link leaves out.
  await page.fill('#f-revenue-baseRmbBn', '1,581.32');
  await page.waitForFunction(() => !location.hash.includes('rev.base='));
  const base = await page.evaluate(async () => (await import('/tests/page/reference-core.js')).core.decodeScenario(location.hash.slice(1)).scenario);
  assert.equal(base.revenue.baseRmbBn, '158.132');
  assert.deepEqual(problems, []);
});

test('the presets\' names, rationales and all source notes have Chinese words', async () => {
  const presets = await page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    const { presetInLanguage, rationaleInLanguage } = await import('/www/presets.js');
    return core.presets().map((preset) => ({
      english: preset, chinese: { ...presetInLanguage(preset), rationale: rationaleInLanguage(preset) },
    }));
  });
  assert.deepEqual(presets.map(({ chinese }) => chinese.label), ['基准', '乐观', '悲观']);
  const [base, bull, bear] = presets.map(({ chinese }) => chinese);
  assert.match(base.rationale, /^以云智能集团2026财年公布的数据为起点（收入1,581\.32亿元，经调整EBITA 142\.65亿元/);
  assert.match(bull.rationale, /^按管理层自己描绘的路径/);
  assert.match(bear.rationale, /^AI需求降温、竞争加剧/);
  assert.equal(base.notes['revenue.baseRmbBn'],
    '云智能集团2026财年收入1,581.32亿元，同比增长34%（2026年5月13日业绩公告；2026年5月20日向港交所提交的年报）。');
  assert.equal(base.notes['tokens.utilization'], '示意性假设，并非公布数据。');
  assert.equal(bull.notes['revenue.aiGrowth'],
    '乐观假设：2027财年增长165%，AI产品收入一年内即超过云收入的一半，与管理层所言一致；此后增速逐步放缓至40%。');
  assert.equal(bear.notes['tokens.inHouseCostRatio'], '悲观假设：自研芯片的成本为进口芯片的60%。');
  // Every note of every preset in Chinese, differing from the base preset's exactly where the core's do: 39 in all.
  const distinct = new Set();
  const baseNotes = presets[0].english.notes;
  for (const { english: core, chinese } of presets) {
    assert.deepEqual(Object.keys(chinese.notes), Object.keys(core.notes));
    for (const [path, note] of Object.entries(chinese.notes)) {
      assert.deepEqual(english([note]), [], `${core.id} ${path}`);
      assert.equal(note !== base.notes[path], core.notes[path] !== baseNotes[path], `${core.id} ${path}`);
      distinct.add(note);
    }
    assert.deepEqual(english([chinese.label, chinese.rationale]), [], core.id);
  }
  assert.equal(distinct.size, 39);
  // English is the core's own text.
  const same = await page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    const { presetInLanguage, rationaleInLanguage } = await import('/www/presets.js');
    return core.presets().every((preset) => presetInLanguage(preset, 'en') === preset
      && rationaleInLanguage(preset, 'en') === preset.rationale);
  });
  assert.equal(same, true);
});

test('the preset picker, the rationale and the source notes on the page are Chinese', async () => {
  assert.deepEqual(await page.locator('#preset option').allTextContents(), ['基准', '乐观', '悲观']);
  assert.match(await text('#preset-rationale'), /^以云智能集团2026财年公布的数据为起点/);
  assert.equal(await text('#f-revenue-baseRmbBn-note'),
    '云智能集团2026财年收入1,581.32亿元，同比增长34%（2026年5月13日业绩公告；2026年5月20日向港交所提交的年报）。');
  await page.selectOption('#preset', 'bull');
  assert.match(await text('#preset-rationale'), /^按管理层自己描绘的路径/);
  assert.match(await text('#f-revenue-aiGrowth-note'), /^乐观假设：2027财年增长165%/);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '165');
  const notes = await page.locator('#inputs .note').allTextContents();
  assert.deepEqual(english(notes), []);
});
