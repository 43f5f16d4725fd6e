// The answer in Chinese: the headline, the two readings, the key figures,
// the yearly tables, the summary bar, the comparison and the CSV report of
// a `lang=zh` page, with money in 亿元 and 亿美元 (the model's billions with
// the point moved one place) and fiscal years as 2027财年; and, without a
// browser, the money helpers of www/render.js in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, sectionsDrawn, sharedBrowser } from './browser.mjs';

const shared = sharedBrowser();

/** Opens the page at `fragment` and waits for its own computed answer in Chinese. */
async function open(fragment, options) {
  const opened = await openPage(shared, fragment, options);
  await opened.page.locator('html:not(.prerendered) #status').filter({ hasText: /^累计/ }).waitFor();
  await sectionsDrawn(opened.page);
  return opened;
}

const texts = (page, selector) => page.locator(selector).allTextContents();
/** The key figures as `[term, value]`. */
const keyFigures = (page) => page.locator('#key-figures > div').evaluateAll((rows) => rows.map((row) => [
  row.querySelector('dt').textContent, row.querySelector('dd').textContent]));
/** A table's caption, heads and rows of cell text, by the id of what holds it (`revenue-table`). */
const table = (page, id) => page.locator(`#${id} table`).evaluate((node) => ({
  caption: node.querySelector('caption').textContent,
  head: [...node.querySelectorAll('thead th')].map((th) => th.textContent),
  rows: [...node.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
}));
/** The CSV the page offers: its bytes and its lines. */
async function downloadCsv(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const bytes = readFileSync(await file.path());
  return { bytes, lines: bytes.toString('utf8').split('\r\n') };
}

test('the base case in Chinese: headline, readings, key figures, tables and summary bar', async () => {
  const { page, problems } = await open('v=1&p=base&lang=zh');
  assert.equal(await page.textContent('#status'),
    '累计（2027-2031财年）：3,014亿美元，2029财年达到1,000亿美元目标。'
    + '2031财年单年：958亿美元，距1,000亿美元尚差42亿美元；需自2026财年起年均增长35.3%。');
  assert.deepEqual(await texts(page, '#readings h3'), ['累计口径（2027-2031财年）', '单年口径（2031财年）']);
  assert.deepEqual(await texts(page, '#readings dt'), [
    '各年收入合计', '达到1,000亿美元目标的年份', '截至2031财年相对目标', '恰好达标所需的年均增长率', '恰好达标所需的AI收入年均增长率',
    '2031财年单年收入', '单年收入首次达到1,000亿美元的年份', '2031财年相对目标', '恰好达标所需的年均增长率', '恰好达标所需的AI收入年均增长率',
  ]);
  assert.deepEqual(await texts(page, '#readings dd'), [
    '3,014亿美元', '2029财年', '超出2,014亿美元', '年均-3.2%', '年均-64.7%',
    '958亿美元', '截至2031财年未达标', '尚差42亿美元', '年均35.3%', '年均64.1%',
  ]);
  assert.deepEqual(await keyFigures(page), [
    ['资本开支回本期', '截至2031财年未回本'],
    ['折现回本期（折现率9.0%）', '截至2031财年未回本'],
    ['净现值', '-1,609亿元'],
    ['内部收益率', '-32.8%'],
    ['2031财年前收回资本开支所需的现金利润率', '42.3%'],
    ['AI收入占比过半（管理层称一年内、即2027财年实现）', '自2028财年起'],
    ['Token毛利率（2027财年至2031财年）', '45.4%至68.9%'],
    ['2031财年所需加速卡（张）', '1,724,234'],
  ]);

  const revenue = await table(page, 'revenue-table');
  assert.equal(revenue.caption, '收入（按财年，先列已披露数据）');
  assert.deepEqual(revenue.head, ['指标', '2025财年（实际）', '2026财年（实际）', '2027财年', '2028财年', '2029财年', '2030财年', '2031财年']);
  assert.deepEqual(revenue.rows.map((row) => row[0]), [
    'AI收入（亿元）', '其他云收入（亿元）', '营业收入（亿元）', '营业收入（亿美元；单年口径）', '累计收入（亿元）',
    '累计收入（亿美元；累计口径）', 'AI收入占比',
  ]);
  // RMB158.132bn reported in FY2026 is 1,581.32亿元, shown to a tenth of 亿 as the English table shows a tenth of a billion.
  assert.deepEqual(revenue.rows[2], ['营业收入（亿元）', '1,180.3', '1,581.3', '2,166.4', '3,022.9', '4,126.4', '5,425.8', '6,871.1']);
  assert.deepEqual(revenue.rows[3].slice(3), ['302.1', '421.6', '575.5', '756.7', '958.3']);
  const capex = await table(page, 'capex-table');
  assert.equal(capex.caption, '资本开支回报（按财年，先列已披露数据）');
  assert.deepEqual(capex.rows.map((row) => row[0]), [
    '资本开支（亿元）', '较基年新增收入（亿元）', '现金流入（亿元）', '净现金流（亿元）', '累计净现金流（亿元）',
    '新增资本开支折旧（亿元）', '经调整EBITA（亿元）', '经调整EBITA利润率',
  ]);
  assert.deepEqual(capex.rows[0], ['资本开支（亿元）', '320.9', '859.7', '1,260.6', '1,300.0', '1,300.0', '1,200.0', '1,000.0', '1,000.0']);
  const tokens = await table(page, 'tokens-table');
  assert.equal(tokens.caption, 'Token经济性（按财年）');
  assert.deepEqual(tokens.rows.map((row) => row[0]), [
    '每百万Token价格（元）', '每百万Token成本（元）', '毛利率', '盈亏平衡利用率', '日均Token量（万亿）',
    'MaaS收入（亿元）', 'MaaS毛利（亿元）', '所需加速卡（张）', '加速卡资本开支（亿元）',
  ]);
  assert.deepEqual(tokens.rows[0].slice(1), ['2.10', '1.89', '1.70', '1.53', '1.38']);

  assert.deepEqual(await texts(page, '#summary-bar .summary-line'), [
    '27-31财年累计：3,014亿美元，29财年达标', '31财年单年：958亿美元，尚差42亿美元']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the US$ view in Chinese: money in 亿美元, prices in 美元', async () => {
  const { page, problems } = await open('v=1&p=base&cur=usd&lang=zh');
  assert.deepEqual((await keyFigures(page))[2], ['净现值', '-224亿美元']);
  const revenue = await table(page, 'revenue-table');
  assert.deepEqual(revenue.rows.map((row) => row[0]), [
    'AI收入（亿美元）', '其他云收入（亿美元）', '营业收入（亿美元；单年口径）', '累计收入（亿美元；累计口径）', 'AI收入占比']);
  // The reported years in US$ at the scenario's rate, on the one-year reading's row: 158.132 / 7.17 = 22.05 bn.
  assert.deepEqual(revenue.rows[2].slice(0, 4), ['营业收入（亿美元；单年口径）', '164.6', '220.5', '302.1']);
  assert.deepEqual(revenue.rows[0].slice(3), ['132.3', '238.2', '381.1', '552.6', '746.0']);
  assert.equal((await table(page, 'tokens-table')).rows[0][0], '每百万Token价格（美元）');
  assert.equal((await table(page, 'capex-table')).rows[0][0], '资本开支（亿美元）');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the CSV in Chinese: UTF-8 with a byte order mark, Chinese headings, money exactly in 亿元 and 亿美元', async () => {
  const { page, problems } = await open('v=1&p=base&lang=zh');
  let { bytes, lines } = await downloadCsv(page);
  // Excel and WPS read a CSV as UTF-8 when it starts with the byte order mark EF BB BF.
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(lines[0], /^\uFEFF情景,预设,/);
  assert.equal(lines[1], '情景,货币单位,人民币（亿元）');
  assert.ok(lines.includes('摘要,指标,数值'));
  assert.ok(lines.includes('摘要,目标（亿美元）,1000'));
  assert.ok(lines.includes('摘要,累计收入（2027-2031财年，亿美元）,3014.30478069'));
  assert.ok(lines.includes('摘要,达到目标年份（累计口径）,2029财年'));
  assert.ok(lines.includes('摘要,单年收入首次达标年份,截至2031财年未达标'));
  assert.ok(lines.includes('摘要,净现值（亿元）,-1608.75610529'));
  assert.ok(lines.includes('摘要,回本期（年）,截至2031财年未回本'));
  assert.ok(lines.includes('已披露数据,指标,财年,数值（亿元）,来源'));
  assert.ok(lines.some((line) => line.startsWith('已披露数据,云智能集团收入（亿元）,2026财年,1581.32,')));
  assert.ok(lines.includes('板块,指标,2027财年,2028财年,2029财年,2030财年,2031财年'));
  assert.ok(lines.includes('收入,AI收入（亿元）,948.792,1707.8256,2732.52096,3962.155392,5348.9097792'));
  assert.ok(lines.includes('收入,AI收入占比（小数）,0.437956204,0.564971751,0.662196838,0.730246364,0.778467296'));
  assert.ok(lines.includes('资本开支回报,资本开支（亿元）,1300,1300,1200,1000,1000'));
  assert.ok(lines.includes('假设,参数,数值（分年参数自首年起逐年列示）'));

  // In US$: money divided exactly at 7.17, then in 亿美元.
  await page.check('input[name="currency"][value="USD"]');
  ({ lines } = await downloadCsv(page));
  assert.equal(lines[1], '情景,货币单位,美元（亿美元），按1美元兑7.17元人民币折算');
  assert.ok(lines.includes('摘要,净现值（亿美元）,-224.37323644'));
  assert.ok(lines.includes('收入,AI收入（亿美元）,132.32803347,238.19046025,381.1047364,552.60186778,746.01252151'));
  assert.ok(lines.includes('Token经济性,每百万Token价格（美元）,0.292887029,0.263598326,0.237238494,0.213514644,0.19216318'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('compare in Chinese: the sentence, the table and the CSV rows', async () => {
  const { page, problems } = await open('v=1&p=base&lang=zh');
  await page.click('#keep-a');
  await page.fill('#f-revenue-aiGrowth-0', '150');
  await page.waitForFunction(() => /\+/.test(document.getElementById('compare-text').textContent));
  assert.equal(await page.textContent('#compare-text'), 'B于2029财年达到累计目标，与A同年；截至2031财年，B的累计收入较A+513亿美元。');
  const compared = await table(page, 'compare-table');
  assert.equal(compared.caption, 'A、B及差额（B − A）');
  assert.deepEqual(compared.head, ['指标', 'A', 'B', 'B − A']);
  assert.deepEqual(compared.rows.slice(0, 8), [
    ['预测期末累计收入（亿美元）', '3,014.3', '3,526.9', '+512.6'],
    ['达到累计目标的年份', '2029财年', '2029财年', '0年'],
    ['末年单年收入（亿美元）', '958.3', '1,144.8', '+186.5'],
    ['达到单年目标的年份', '未达标', '2031财年', '–'],
    ['资本开支净现值（亿元）', '-1,608.8', '-806.2', '+802.6'],
    ['内部收益率', '-32.8%', '-10.5%', '+22.3个百分点'],
    ['回本期（年）', '–', '–', '–'],
    ['末年Token毛利率', '68.9%', '68.9%', '0.0个百分点'],
  ]);
  assert.deepEqual(compared.rows[8], ['2027财年营业收入（亿元）', '2,166.4', '2,403.6', '+237.2']);
  const { lines } = await downloadCsv(page);
  assert.ok(lines.includes('对比,指标,A,B,B - A'));
  assert.ok(lines.includes('对比,预测期末累计收入（亿美元）,3014.30478069,3526.86418554,512.55940485'));
  assert.ok(lines.includes('对比,达到累计目标的年份,2029,2029,0'));
  assert.ok(lines.includes('对比,资本开支净现值（亿元）,-1608.75610529,-806.16485446,802.59125083'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input in Chinese: the status line names the field and links to it', async () => {
  const { page, problems } = await open('v=1&p=base&lang=zh');
  await page.fill('#f-revenue-aiGrowth-2', '2000');
  await page.fill('#f-fxRmbPerUsd', '0');
  await page.locator('#status').filter({ hasText: /^请检查/ }).waitFor();
  assert.match(await page.textContent('#status'), /^请检查.+：.+（另有1处问题）$/);
  assert.equal(await page.getAttribute('#status a', 'href'), '#f-fxRmbPerUsd');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the money helpers in Chinese (Node, no browser): 亿 by moving the point, exactly', async () => {
  // The page's language is read once, when i18n.js loads: first here in this process.
  globalThis.location = { hash: '#lang=zh' };
  const { currencyOf, exactBillions, shownBillions, usd } = await import('../../www/render.js');
  assert.equal(exactBillions('158.132', 'RMB'), '1581.32');
  assert.equal(exactBillions('-0.000000001', 'USD'), '-0.00000001');
  assert.equal(shownBillions('94.8792', 'RMB'), 948.792);
  assert.equal(shownBillions(1e-7, 'RMB'), 1e-6);
  const rmb = currencyOf('RMB', '7.17');
  assert.deepEqual([rmb.code, rmb.symbol, rmb.unit, rmb.perUnit], ['RMB', 'RMB', '亿元', '元']);
  assert.equal(rmb.money('158.132'), '1,581亿元');
  assert.equal(rmb.toUnit('0.015'), 0.15);
  assert.equal(rmb.convert('158.132'), 158.132);
  const dollars = currencyOf('USD', '7.17');
  assert.deepEqual([dollars.code, dollars.symbol, dollars.unit, dollars.perUnit], ['USD', 'US$', '亿美元', '美元']);
  assert.equal(dollars.money('-160.875610529'), '-224亿美元');
  assert.equal(usd('100'), '1,000亿美元');
  assert.equal(usd('-0.01'), '0亿美元');
});
