// The calculator page: read the form, compute, render. Every input event
// recomputes; bad input marks its field and leaves the last good results
// on screen, greyed and labelled out of date. The scenario lives in the URL
// fragment (kept in sync, restored on load and on navigation), and can be
// copied as a link, embedded, and exported.
import {
  compute, encodeScenario, explain, fields, init, presets, readScenarioLink, reportedYears, sensitivity, simulate,
  solveProbability, validate,
} from './core.js';
import { tellOnRestart } from './restart-notice.js';
import { histogramChart, tornadoChart } from './analysis-charts.js';
import { levelOfLink, readOption } from './analysis-options.js';
import { AnalysisRunner } from './analysis-runner.js';
import { paybackChart, revenueChart, tokenChart } from './charts.js';
import {
  compareCsvRows, compareLink, compareSentence, compareTable, splitCompare,
} from './compare.js';
import { divideDecimal } from './decimal.js';
import { el, followInPageLinks, patchChildren } from './dom.js';
import { FIELD_TEXT } from './fields.js';
import { presetInLanguage, rationaleInLanguage } from './presets.js';
import {
  formatBillions, fy, fySpan, LANG, languageLink, numberFormat, t, translateDocument,
} from './i18n.js';
import {
  ScenarioForm, valueAt, withSubstitutes, withValuesFrom,
} from './form.js';
import {
  currencyOf, displayFormat, figuresTable, headline, keyFigureElements, problemSentence, readingElements, reportCsv,
  substitutionNote, tableElement, tables,
} from './render.js';
import { embedPanel } from './embed-panel.js';
import { ExplainPanel } from './explain-panel.js';
import { debounce, download, safeDecode, standaloneSvg } from './share.js';
import { summaryBar } from './summary-bar.js';
import {
  analysisCsvRows, certaintySentence, likelySentences, likelyTables, tornadoLabels, tornadoTable,
} from './likely.js';
import {
  ANALYSIS_DEFAULTS, currencyOfView, splitFragment, VIEW_KEYS, withView,
} from './view.js';

// The page's own words in its language, before the wasm is awaited: a
// Chinese reader's page was hidden until now (`.lang-pending`, first-paint.js).
translateDocument(document);
document.documentElement.classList.remove('lang-pending');

try {
  await init();
} catch (error) {
  // Without the core nothing computes: say so in the headline's place,
  // above the prerendered base case (which stays, unless a link asked for
  // another scenario, which cannot be computed).
  const notice = document.getElementById('link-loading');
  notice.setAttribute('role', 'alert'); // read out at once, as the widget's status is
  notice.textContent = t('page.coreFailed', { message: error.message });
  document.documentElement.classList.add('core-failed');
  // Nothing on the page can act without the core (the buttons, the preset
  // picker, the figures' explanations): disabled, they say so and leave the
  // tab order, and the figures stay readable.
  for (const control of document.querySelectorAll('main :is(button, input, select, textarea)')) control.disabled = true;
  throw error;
}

const $ = (id) => document.getElementById(id);
tellOnRestart($('restart-notice'));
const form = $('inputs');
const presetList = presets().map((preset) => presetInLanguage(preset));
const fieldInfos = fields();
const scenarioForm = new ScenarioForm(form, fieldInfos);
const picker = $('preset');
picker.append(...presetList.map((preset) => el('option', { value: preset.id }, preset.label)));

/**
 * The scenario the results on screen show, with its projection:
 * the last valid one, or (`substituted`) the form with the preset's value
 * in place of each bad field when a link or file brought bad values.
 */
let current = null;
/** The form's problems as last evaluated, or null when it computed. */
let problemsShown = null;
/** The preset the form started from. */
let presetShown = 'base';
/** What a preset change replaced, for Undo: `{preset, scenario}`, or null. */
let undoable = null;
/** Scenario A, pinned by Keep as A (`{scenario, projection, preset, id}`), or null: the form is then B. */
let pinned = null;
let pins = 0;

const selectedCurrency = () => document.querySelector('input[name="currency"]:checked').value;

// The language switch: the scenario on screen (or the link, while a field
// is bad) travels in the link, with the other language's key, and the page
// loads again, building every text in that language.
for (const choice of document.querySelectorAll('.language-switch a')) {
  if (choice.dataset.lang === LANG) choice.setAttribute('aria-current', 'true');
  choice.addEventListener('click', (event) => {
    event.preventDefault();
    if (choice.dataset.lang === LANG) return;
    // The scenario on screen travels in the link, in the other language; reloading builds every text anew.
    history.replaceState(null, '', `#${languageLink(current && !current.substituted ? shareLink() : location.hash, choice.dataset.lang)}`);
    location.reload();
  });
}

/**
 * The results' sections: the projection part each draws (`projection[id]`),
 * its chart and the scenario figures the chart shows beside it (`shows`).
 * Their order is that of `tables()`.
 */
const SECTIONS = [
  {
    id: 'revenue', chart: 'revenue-chart', draw: revenueChart, reported: 'revenueRmbBn', shows: (s) => [s.targetUsdBn, s.fxRmbPerUsd],
  },
  {
    id: 'capex', chart: 'capex-chart', draw: paybackChart, reported: 'capexRmbBn', shows: (s, symbol) => [s.baseFiscalYear, symbol === 'US$' && s.fxRmbPerUsd],
  },
  { id: 'tokens', chart: 'tokens-chart', draw: tokenChart, shows: (s, symbol) => [symbol === 'US$' && s.fxRmbPerUsd] },
];

/**
 * The width of each chart's figure, as a ResizeObserver last reported it:
 * reading `clientWidth` after the form has changed would force a layout.
 */
const chartWidths = new Map();
const chartResizes = new ResizeObserver((entries) => {
  for (const entry of entries) chartWidths.set(entry.target.id, Math.round(entry.contentRect.width));
});
for (const id of [...SECTIONS.map((section) => section.chart), 'histogram-chart', 'tornado-chart']) chartResizes.observe($(id));

/** A chart figure's width in CSS px (measured once before the first report), or undefined when hidden. */
function chartWidth(id) {
  if (!chartWidths.has(id)) chartWidths.set(id, $(id).clientWidth);
  return chartWidths.get(id) || undefined;
}

/** What each part of the results was last drawn from (a JSON stamp), by part. */
const drawn = new Map();

/** Whether the part `id` must be redrawn, being now drawn from `from`: true the first time and whenever `from` changed. */
function redraw(id, from) {
  const stamp = JSON.stringify(from);
  if (drawn.get(id) === stamp) return false;
  drawn.set(id, stamp);
  return true;
}

/** Runs `task` once in a task after the next frame, however often it is asked for before then. */
const afterFrame = new Set();
function afterPaint(task) {
  if (afterFrame.has(task)) return;
  afterFrame.add(task);
  requestAnimationFrame(() => setTimeout(() => {
    afterFrame.delete(task);
    task();
  }, 0));
}

/**
 * The sections in or near the viewport, by chart id, as an IntersectionObserver
 * last reported them; until its first report every section counts as visible.
 */
const sectionsInView = new Map();
const sectionsSeen = new IntersectionObserver((entries) => {
  for (const entry of entries) sectionsInView.set(entry.target.querySelector('figure').id, entry.isIntersecting);
}, { rootMargin: '200px 0px' });
for (const { chart } of SECTIONS) sectionsSeen.observe($(chart).closest('section'));

/**
 * Draws a projection: the headline, key figures, and the charts and tables
 * of the sections in view now; the sections out of view follow in a task
 * after the frame that shows the edit (marked aria-busy until then).
 */
function render(scenario, projection) {
  const currency = currencyOf(selectedCurrency(), scenario.fxRmbPerUsd);
  const reported = reportedYears(scenario);
  patchChildren($('status'), [document.createTextNode(headline(scenario, projection))]);
  patchChildren($('summary-bar-lines'), summaryBar(projection));
  patchChildren($('readings'), readingElements(scenario, projection));
  patchChildren($('key-figures'), keyFigureElements(scenario, projection, currency, reported));
  drawSections(scenario, projection, reported, (chart) => sectionsInView.get(chart) !== false);
  for (const { chart } of SECTIONS) $(chart).closest('section').setAttribute('aria-busy', String(sectionsInView.get(chart) === false));
  afterPaint(drawSectionsOutOfView);
  const warnings = projection.warnings.map((warning) => el('li', {}, warningWords(warning, projection)));
  patchChildren($('warnings').querySelector('ul'), warnings);
  $('warnings').hidden = warnings.length === 0;
  renderCompare(scenario, projection, currency);
  analyse(scenario, projection);
  explainer.refresh();
}

/**
 * A warning of `compute` in the page's language: the core's English, or
 * worded from its output path (the only one the model gives:
 * `tokens.maasRevenueRmbBn[i]`, MaaS revenue above the AI revenue line).
 */
function warningWords({ field, message }, projection) {
  const [, name, index] = /^([^[]+)\[(\d+)\]$/.exec(field) ?? [];
  if (LANG === 'en' || name !== 'tokens.maasRevenueRmbBn') return message;
  return t('page.warning.maas', {
    year: fy(projection.years[index]),
    maas: formatBillions(projection.tokens.maasRevenueRmbBn[index], 'RMB'),
    ai: formatBillions(projection.revenue.ai[index], 'RMB'),
  });
}

/**
 * What a link's reading says about the link as a whole, in the page's
 * language: a problem of `link` (too long), `v` (missing or not 1) or `p`
 * (an unknown preset), or a warning (an unknown key, ignored, or a key given
 * twice); the core's English, or worded from the field it names.
 */
function linkNoticeWords({ field, message }, isProblem) {
  if (LANG === 'en') return message;
  if (isProblem) return t(`page.link.${field}`);
  const known = field === 'v' || field === 'p' || fieldInfos.some((info) => info.path === field);
  return known ? t('page.link.repeated', { field: FIELD_TEXT[field]?.label ?? field }) : t('page.link.unknown', { key: field });
}

/**
 * Draws the chart and table of each section for which `now(chart id)` is
 * true, when what it shows changed (an edit to token prices leaves the
 * revenue section alone); charts are drawn into their existing element.
 */
function drawSections(scenario, projection, reported, now) {
  const currency = currencyOf(selectedCurrency(), scenario.fxRmbPerUsd);
  const chartOptions = {
    currency: selectedCurrency(), fx: Number(scenario.fxRmbPerUsd), compare: pinned?.projection,
  };
  let formatted;
  SECTIONS.forEach(({ id, chart, draw, shows, reported: series }, index) => {
    if (!now(chart)) return;
    const width = chartWidth(chart);
    const before = series && reported ? reported[series] : undefined;
    if (!redraw(id, [currency.symbol, width, projection.years, projection[id], shows(scenario, currency.symbol), before, pinned?.id])) return;
    const into = $(chart).querySelector('svg.chart');
    const svg = draw(scenario, projection, { ...chartOptions, width, into, reported: before });
    if (svg !== into) $(chart).replaceChildren(svg);
    formatted ??= tables(projection, displayFormat(currency), reported);
    patchChildren($(`${id}-table`), [tableElement(formatted[index], projection.years)]);
  });
}

/** Brings the sections out of view up to date with the results on screen. */
function drawSectionsOutOfView() {
  if (current) drawSections(current.scenario, current.projection, reportedYears(current.scenario), () => true);
  for (const { chart } of SECTIONS) $(chart).closest('section').setAttribute('aria-busy', 'false');
}

/** The explain panel, on the results on screen (the model's RMB figures, whatever the currency shown). */
const explainer = new ExplainPanel(document, {
  explain,
  context: () => current && {
    scenario: current.scenario,
    years: current.projection.years,
    usd: selectedCurrency() === 'USD',
    input: (path) => scenarioForm.input(path),
  },
});

/* ---------- Compare A and B ---------- */

/** The words and the table comparing B (on screen) with A, when A is pinned. */
function renderCompare(scenario, projection, currency) {
  $('compare').hidden = !pinned;
  document.body.classList.toggle('is-comparing', Boolean(pinned));
  if (!pinned) return;
  const b = { scenario, projection };
  patchChildren($('compare-text'), [document.createTextNode(compareSentence(pinned, b))]);
  const label = presetList.find((p) => p.id === pinned.preset)?.label ?? pinned.preset;
  $('compare-a').textContent = t('page.compare.a', { preset: label });
  patchChildren($('compare-table'), [figuresTable(compareTable(pinned, b, currency))]);
}

/** A's pairs for the fragment (`a.p=bull&a.rev.ai=1`), or '' without A. */
function comparePairs() {
  if (!pinned) return '';
  try {
    return compareLink(encodeScenario(pinned.scenario, pinned.preset));
  } catch {
    return ''; // A value the link grammar cannot carry: A stays on this page only.
  }
}

/** The fragment of a scenario link: the link, the view's keys, then A's. */
function fragmentOf(link) {
  return [withView(link, view()), comparePairs()].filter(Boolean).join('&');
}

/** Pins the results on screen as A. */
function keepAsA() {
  if (!current || current.substituted || problemsShown) return;
  pins += 1;
  pinned = { scenario: current.scenario, projection: current.projection, preset: presetShown, id: pins };
  render(current.scenario, current.projection);
  syncFragment(current.scenario, presetShown);
  say(t('page.keptA'));
}

/** A becomes the form (B), and B becomes A. */
function swapCompare() {
  if (!pinned || !current || current.substituted || problemsShown) return;
  const a = pinned;
  pins += 1;
  pinned = { scenario: current.scenario, projection: current.projection, preset: presetShown, id: pins };
  current = null;
  showPreset(a.preset, a.scenario);
  update();
}

function clearCompare() {
  pinned = null;
  if (current) render(current.scenario, current.projection);
  if (current && !current.substituted) syncFragment(current.scenario, presetShown);
  $('keep-a').focus();
}

/* ---------- How likely? ---------- */

/**
 * The analysis on screen: the simulation and goal seek last received (each
 * with the job it answers, which holds its scenario, projection and level),
 * the sensitivity of the scenario shown, and the key of the latest request.
 */
const analysis = { key: null, simulation: null, certainty: null, sensitivity: null, sensitivityOf: null };

/** The analysis options last read valid, as link text (`{samples, seed, sure}`). */
let analysisShown = { ...ANALYSIS_DEFAULTS };

const runner = new AnalysisRunner({
  workerUrl: new URL('./analysis-worker.js', import.meta.url),
  core: { simulate, solveProbability },
  onResult: receiveAnalysis,
});

/** Reads the samples and seed fields, marking the bad ones: the options as link text, or null. */
function readAnalysisOptions() {
  const read = {};
  for (const name of ['samples', 'seed']) {
    const input = $(name);
    const error = $(`${name}-error`);
    const { text, problem } = readOption(name, input.value);
    error.hidden = !problem;
    error.textContent = problem ?? '';
    input.toggleAttribute('aria-invalid', Boolean(problem));
    input.setAttribute('aria-describedby', `${name}-range${problem ? ` ${name}-error` : ''}`);
    read[name] = problem ? null : text;
  }
  const valid = read.samples !== null && read.seed !== null;
  $('likely').classList.toggle('is-stale-options', !valid);
  return valid ? { samples: read.samples, seed: read.seed, sure: $('certainty-level').value } : null;
}

/** Shows that a run is under way once it has taken longer than a frame. */
let progressTimer = 0;
function showBusy(job) {
  $('likely').setAttribute('aria-busy', 'true');
  clearTimeout(progressTimer);
  progressTimer = setTimeout(() => {
    if (!runner.busy) return;
    const waiting = analysis.simulation?.job.id !== job.id;
    $('likely-progress-text').textContent = waiting
      ? t('page.simulating', { samples: numberFormat().format(job.samples) })
      : t('page.seeking', { level: job.level });
    $('likely-progress').hidden = false;
  }, 20);
}

/**
 * Asks for the analysis of the scenario on screen (simulation and goal seek
 * in the worker) unless it is what was asked for last, and schedules the
 * tornado for after the frame: typing paints first.
 */
function analyse(scenario, projection) {
  const scenarioKey = JSON.stringify(scenario);
  const options = readAnalysisOptions();
  if (options) {
    analysisShown = options;
    const key = JSON.stringify([scenarioKey, options]);
    if (key !== analysis.key) {
      analysis.key = key;
      const job = {
        scenario, projection, samples: Number(options.samples), seed: Number(options.seed),
        probability: Number(options.sure) / 100, level: options.sure,
      };
      runner.request(job);
      showBusy(job);
    }
  }
  drawAnalysis();
  afterPaint(drawTornado);
}

/** `sensitivity` of a scenario, computed once per scenario; null when it fails. */
function sensitivityOf(scenario) {
  const key = JSON.stringify(scenario);
  if (analysis.sensitivityOf !== key) {
    analysis.sensitivityOf = key;
    try {
      analysis.sensitivity = { value: sensitivity(scenario), scenario };
    } catch {
      analysis.sensitivity = null;
    }
  }
  return analysis.sensitivity;
}

/** A result of the runner (for the latest request): kept and drawn. */
function receiveAnalysis({ kind, value, message, job }) {
  if (kind === 'error') {
    analysis.simulation = null;
    analysis.certainty = null;
    drawn.delete('likely');
    $('likely-text').replaceChildren(el('p', {}, t('page.simulationFailed', { message })));
  } else {
    analysis[kind] = { value, job };
  }
  // A result that arrives while the reader types waits for the frame that shows the edit.
  afterPaint(drawAnalysis);
}

/** Ends the busy state once the latest request's last result is on screen. */
function showDone() {
  if (runner.busy) return;
  clearTimeout(progressTimer);
  $('likely-progress').hidden = true;
  $('likely').setAttribute('aria-busy', 'false');
}

/**
 * Draws the simulation and goal seek received so far: sentences, histogram,
 * tables. Like the sections, each part is redrawn only when what it shows changed.
 */
function drawAnalysis() {
  const currency = currencyOf(selectedCurrency(), current?.scenario.fxRmbPerUsd);
  const received = analysis.simulation;
  const width = chartWidth('histogram-chart');
  if (received && redraw('likely', [received.job.id, currency.symbol, width])) {
    const { scenario, projection } = received.job;
    patchChildren($('likely-text'), likelySentences(scenario, projection, received.value).map((text) => el('p', {}, text)));
    const into = $('histogram-chart').querySelector('svg.chart');
    const svg = histogramChart(scenario, received.value, { span: fySpan(projection.years), width, into });
    if (svg !== into) $('histogram-chart').replaceChildren(svg);
    const tablesOf = likelyTables(scenario, projection, received.value, currencyOf(selectedCurrency(), scenario.fxRmbPerUsd));
    patchChildren($('likely-years'), [figuresTable(tablesOf.byYear)]);
    patchChildren($('likely-spreads'), [figuresTable(tablesOf.spreads)]);
    patchChildren($('histogram-table'), [figuresTable(tablesOf.histogram)]);
  }
  const solved = analysis.certainty;
  if (solved && redraw('certainty', [solved.job.id])) {
    patchChildren($('certainty-text'), [document.createTextNode(certaintySentence(solved.job.scenario, solved.job.level, solved.value))]);
  }
  showDone();
}

/** Draws the tornado of the scenario on screen, and its table, when what they show changed. */
function drawTornado() {
  const tornado = current && sensitivityOf(current.scenario);
  if (!tornado) return;
  const currency = currencyOf(selectedCurrency(), tornado.scenario.fxRmbPerUsd);
  const metric = $('tornado-metric').value;
  const width = chartWidth('tornado-chart');
  if (!redraw('tornado', [analysis.sensitivityOf, metric, currency.symbol, width])) return;
  const into = $('tornado-chart').querySelector('svg.chart');
  const svg = tornadoChart(tornado.scenario, tornado.value, {
    metric, labels: tornadoLabels(), currency: selectedCurrency(), width, into,
  });
  if (svg !== into) $('tornado-chart').replaceChildren(svg);
  patchChildren($('tornado-table'), [figuresTable(tornadoTable(tornado.value, currency))]);
}

/**
 * The fragment follows the scenario; browsers throttle URL rewrites, so at most every 300 ms.
 * A rewrite still waiting when the reader goes Back or Forward (or the page pushes an entry)
 * is dropped: it would write this scenario over the entry they went to.
 */
const rewriteFragment = debounce((scenario, preset, scheduledAt) => {
  if (location.href === scheduledAt) {
    try {
      history.replaceState(null, '', `#${fragmentOf(encodeScenario(scenario, preset))}`);
    } catch {
      // A value the link grammar cannot carry (29 significant digits): keep the last link.
    }
  }
  // The printed report carries the link as text.
  $('print-link').href = $('print-link').textContent = location.href;
}, 300);
const syncFragment = (scenario, preset) => rewriteFragment(scenario, preset, location.href);

/** What the stale note says when the results are the last valid ones. */

/** The reader's view settings that travel in links (`cur=usd`). */
const view = () => ({ currency: selectedCurrency(), analysis: analysisShown });

/** The link of the scenario on screen with the reader's view (what Copy link and the address bar carry). */
function shareLink() {
  return fragmentOf(currentLink());
}

/** Reads the form, computes, and renders, or marks the problems and the results as stale. */
function update() {
  const { scenario, projection, problems } = scenarioForm.evaluate({ compute, validate });
  problemsShown = problems ?? null;
  blockSharing(Boolean(problems) || $('likely').classList.contains('is-stale-options'));
  document.body.classList.toggle('is-stale', Boolean(problems));
  $('stale').hidden = !problems;
  if (!problems) {
    current = { scenario, projection };
    render(scenario, projection);
    syncFragment(scenario, presetShown);
    return;
  }
  // A bad link or file has no results of its own: show the preset's value
  // for each bad field instead, and say so; otherwise keep the last valid results.
  if (!current || current.substituted) substitute(scenario, problems);
  else $('stale').textContent = t('page.stale');
  $('status').replaceChildren(...problemSentence(problems));
}

/** Results for `scenario` with the preset's value in place of each bad field, labelled as such. */
function substitute(scenario, problems) {
  const preset = presetList.find((p) => p.id === presetShown) ?? presetList[0];
  const results = withSubstitutes(scenario, preset.scenario, problems, compute);
  current = results && { ...results, substituted: true };
  if (!results) {
    $('stale').textContent = t('page.fixToSeeResults');
    return;
  }
  render(results.scenario, results.projection);
  $('stale').textContent = substitutionNote(preset.label, problems);
}

/** Sharing and exports are off while a field is invalid: a link or file would leave out what was typed. */
function blockSharing(blocked) {
  for (const button of document.querySelectorAll('#keep-a, #swap-compare, #copy-link, #show-embed, #download-csv, #download-json, #copy-embed, .download-svg')) {
    button.disabled = blocked;
  }
  $('share-blocked').hidden = !blocked;
  if (blocked) {
    $('embed-panel').hidden = true;
    $('show-embed').setAttribute('aria-expanded', 'false');
    $('link-copy').hidden = true;
    say('');
  }
}

function showPreset(id, scenario) {
  const preset = presetList.find((p) => p.id === id) ?? presetList[0];
  picker.value = preset.id;
  presetShown = preset.id;
  $('preset-rationale').textContent = rationaleInLanguage(preset);
  scenarioForm.fill(scenario ?? preset.scenario, preset.notes);
}

function setCurrency(currency) {
  document.querySelector(`input[name="currency"][value="${currency}"]`).checked = true;
}

/** Opens a link's scenario: what it could read applied, its problems and warnings shown. */
function applyLink(fragment) {
  const { rest, a } = splitCompare(fragment);
  const { link, values } = splitFragment(rest, VIEW_KEYS);
  const compared = a === null ? { notices: [] } : readCompared(a);
  pinned = compared.pinned ?? null;
  setCurrency(currencyOfView(values));
  const level = levelOfLink(values.sure);
  fillAnalysisOptions(values, level.level);
  const read = readScenarioLink(link);
  current = null;
  $('undo-notice').hidden = true;
  showPreset(read.preset, read.scenario);
  const notices = [
    ...read.problems.filter((p) => ['link', 'v', 'p'].includes(p.field)).map((p) => linkNoticeWords(p, true)),
    ...read.warnings.map((w) => linkNoticeWords(w, false)),
    ...(level.problem ? [level.problem] : []),
    ...compared.notices,
  ];
  $('link-notice').textContent = notices.length ? t('page.link.problems', { notices: notices.join(t('page.link.separator')) }) : '';
  $('link-notice').hidden = notices.length === 0;
  update();
}

/** Reads scenario A from its link (`v=1&p=bull&…`): `{pinned, notices}`; a bad A is left out, and said. */
function readCompared(link) {
  const read = readScenarioLink(link);
  const notices = read.warnings.map((warning) => t('page.link.aNotice', { notice: linkNoticeWords(warning, false) }));
  if (read.problems.length) {
    const problems = read.problems.map((p) => (['link', 'v', 'p'].includes(p.field) ? linkNoticeWords(p, true) : p.message));
    return { notices: [...notices, t('page.link.aUnread', { problems: problems.join(t('page.link.separator')) })] };
  }
  try {
    pins += 1;
    return { pinned: { scenario: read.scenario, projection: compute(read.scenario), preset: read.preset, id: pins }, notices };
  } catch (error) {
    return { notices: [...notices, t('page.link.aFailed', { message: error.message })] };
  }
}

/** Puts a link's analysis options (link text; absent: the default) into their fields. */
function fillAnalysisOptions(values, level) {
  const text = (key) => (values[key] === undefined ? undefined : safeDecode(values[key]));
  $('samples').value = text('samples') ?? numberFormat().format(ANALYSIS_DEFAULTS.samples);
  $('seed').value = text('seed') ?? ANALYSIS_DEFAULTS.seed;
  $('certainty-level').value = level;
}

function applyPreset(id) {
  $('link-notice').hidden = true;
  current = null;
  showPreset(id);
  update();
}

/** Whether the form differs from the preset it started from (bad text counts). */
function edited() {
  return Boolean(problemsShown) || (current !== null && encodeScenario(current.scenario, presetShown) !== `v=1&p=${presetShown}`);
}

/**
 * A new preset replaces the form: the entry being left keeps its scenario
 * (Back returns to it), the preset gets a history entry of its own, and
 * edits that were replaced can be restored with Undo.
 */
function choosePreset(id) {
  const left = { preset: presetShown, scenario: scenarioForm.read(), wasEdited: edited() };
  if (current && !current.substituted) history.replaceState(null, '', `#${shareLink()}`);
  applyPreset(id);
  history.pushState(null, '', `#${shareLink()}`);
  undoable = left.wasEdited ? left : null;
  $('undo-notice').hidden = !undoable;
  if (undoable) {
    const label = (presetId) => presetList.find((p) => p.id === presetId).label;
    $('undo-text').textContent = t('page.undoText', { preset: label(id), left: label(left.preset) });
  }
}

function say(message) {
  $('share-status').textContent = message;
}

async function copyText(text, fallbackBox, fallbackInput) {
  try {
    await navigator.clipboard.writeText(text);
    say(t('page.copied'));
  } catch {
    fallbackInput.value = text;
    fallbackBox.hidden = false;
    fallbackInput.select();
    say(t('page.selectAndCopy'));
  }
}

/** The link of the scenario on screen, without view settings (the widget's link). */
function currentLink() {
  return current ? encodeScenario(current.scenario, presetShown) : splitFragment(location.hash, VIEW_KEYS).link;
}

/** Today's date as YYYY-MM-DD in the reader's time zone, for file names. */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}

/** Reads a scenario file: its preset restored, fields it lacks taken from that preset and reported. */
function loadScenario(name, loaded) {
  const named = typeof loaded.preset === 'string' ? presetList.find((p) => p.id === loaded.preset) : undefined;
  const preset = named ?? presetList[0];
  const missing = fieldInfos.filter((info) => valueAt(loaded, info.path) === undefined);
  const scenario = withValuesFrom(loaded, preset.scenario, missing.map((info) => info.path));
  delete scenario.preset;
  current = null;
  $('link-notice').hidden = true;
  showPreset(preset.id, scenario);
  update();
  const notes = [t('page.loaded', { name, preset: preset.label })];
  if (loaded.preset !== undefined && !named) notes.push(t('page.loadedUnknownPreset', { named: JSON.stringify(String(loaded.preset)), preset: preset.label }));
  if (missing.length) {
    const names = missing.slice(0, 3).map((info) => FIELD_TEXT[info.path].label).join(t('page.listSeparator'));
    const more = missing.length > 3 ? t('page.andMore', { count: missing.length - 3 }) : '';
    notes.push(t(missing.length === 1 ? 'page.loadedMissingOne' : 'page.loadedMissing', {
      count: missing.length, names: `${names}${more}`, preset: preset.label,
    }));
  }
  say(notes.join(t('page.sentenceSeparator')));
}

form.addEventListener('input', (event) => {
  if (event.target !== picker) update();
});
form.addEventListener('submit', (event) => event.preventDefault());
picker.addEventListener('change', () => choosePreset(picker.value));
$('undo').addEventListener('click', () => {
  if (!undoable) return;
  const { preset, scenario } = undoable;
  undoable = null;
  $('undo-notice').hidden = true;
  current = null;
  showPreset(preset, scenario);
  update();
  if (current && !current.substituted) history.pushState(null, '', `#${shareLink()}`);
  picker.focus();
});
for (const radio of document.querySelectorAll('input[name="currency"]')) {
  radio.addEventListener('change', () => {
    if (!current) return;
    render(current.scenario, current.projection);
    if (!current.substituted) syncFragment(current.scenario, presetShown);
  });
}
// The analysis options and the tornado's output redraw the analysis only.
for (const id of ['samples', 'seed', 'certainty-level']) {
  $(id).addEventListener(id === 'certainty-level' ? 'change' : 'input', () => {
    if (!current) return;
    analyse(current.scenario, current.projection);
    blockSharing(Boolean(problemsShown) || $('likely').classList.contains('is-stale-options'));
    if (!current.substituted && !problemsShown) syncFragment(current.scenario, presetShown);
  });
}
$('tornado-metric').addEventListener('change', drawTornado);
$('keep-a').addEventListener('click', keepAsA);
$('swap-compare').addEventListener('click', swapCompare);
$('clear-compare').addEventListener('click', clearCompare);
window.addEventListener('hashchange', () => applyLink(location.hash.slice(1)));
followInPageLinks(document);

$('copy-link').addEventListener('click', () => {
  const url = new URL(location.href);
  url.hash = shareLink();
  copyText(url.href, $('link-copy'), $('link-text'));
});
const refreshEmbed = embedPanel($('embed-panel'), fieldInfos, shareLink);
// An open snippet follows the scenario (these run after the form's own listeners).
for (const type of ['input', 'change']) {
  form.addEventListener(type, () => !$('embed-panel').hidden && refreshEmbed());
}
$('show-embed').addEventListener('click', () => {
  const open = $('embed-panel').hidden;
  $('embed-panel').hidden = !open;
  $('show-embed').setAttribute('aria-expanded', String(open));
  if (open) refreshEmbed();
});
$('copy-embed').addEventListener('click', () => {
  refreshEmbed();
  copyText($('embed-code').value, $('embed-panel'), $('embed-code'));
});
$('download-csv').addEventListener('click', () => {
  if (!current || problemsShown) return;
  const url = new URL(location.href);
  url.hash = shareLink();
  const symbol = selectedCurrency() === 'USD' ? 'US$' : 'RMB';
  const fx = String(current.scenario.fxRmbPerUsd);
  // The analysis goes in when it answers the scenario on screen.
  const answers = (received) => (received?.job.scenario === current.scenario ? received.value : undefined);
  const money = symbol === 'US$' ? (value) => divideDecimal(value, fx) : (value) => value;
  const compared = pinned ? [[], ...compareCsvRows(pinned, current, symbol, money)] : [];
  const analysed = analysisCsvRows({
    projection: current.projection,
    simulation: answers(analysis.simulation),
    certainty: answers(analysis.certainty),
    level: analysis.certainty?.job.level,
    sensitivity: sensitivityOf(current.scenario)?.value,
    money,
    symbol,
  });
  const more = [...compared, ...analysed];
  const csv = reportCsv({
    scenario: current.scenario, projection: current.projection, symbol, more, reported: reportedYears(current.scenario),
    preset: presetList.find((p) => p.id === presetShown).label, link: url.href, notes: presetList.find((p) => p.id === presetShown).notes,
  });
  download(`aicloud-scenario-${presetShown}-${today()}.csv`, 'text/csv;charset=utf-8', csv);
});
$('download-json').addEventListener('click', () => {
  const scenario = { preset: presetShown, ...scenarioForm.read() };
  download(`aicloud-scenario-${presetShown}-${today()}.json`, 'application/json', `${JSON.stringify(scenario, null, 2)}\n`);
});
$('load-json').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  if (!file) return;
  let scenario;
  try {
    scenario = JSON.parse(await file.text());
  } catch {
    say(t('page.notJson', { name: file.name }));
    return;
  }
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    say(t('page.notScenario', { name: file.name }));
    return;
  }
  loadScenario(file.name, scenario);
});
for (const button of document.querySelectorAll('.download-svg')) {
  button.addEventListener('click', () => {
    const svg = $(button.dataset.chart).querySelector('svg');
    if (svg) download(`${button.dataset.chart}.svg`, 'image/svg+xml', standaloneSvg(svg));
  });
}

if (location.hash.length > 1) applyLink(location.hash.slice(1));
else applyPreset('base');
// The answer on screen is now the live one: the base case prerendered in the
// page (scripts/prerender.mjs) or, with a link, what hid it (www/first-paint.js).
document.documentElement.classList.remove('prerendered', 'link-pending');

// After this visit the calculator opens offline (www/sw.js). Where service
// workers are unavailable (a file: URL, a private window), it works as before.
navigator.serviceWorker?.register('sw.js').catch(() => {});
