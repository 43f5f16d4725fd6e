// The article widget (bundled into pkg-embed/widget.js by scripts/build.sh):
// the headline, the charts chosen by `show=` (each under its title) and the
// inputs chosen by `inputs=` for the scenario in the fragment, with a link
// to the full calculator that follows the reader's edits. Bad input marks
// its field and greys the charts, labelled out of date, as on the page; a
// bad link shows results with the preset's value for each bad field, and
// says so.
// It tells the host page its height (see embed-host.js). Its words are in
// the language of the link's `lang=` key, else the reader's browser
// (www/i18n.js): embed.html's own from the message tables, its `<html lang>`
// too.
//
// `show=probability` adds the chance of the target with its histogram and
// the certainty goal seek (run a step at a time on the main thread: a
// worker cannot load in a sandboxed iframe), `show=tornado` the tornado;
// `samples=`, `seed=` and `sure=` set them as on the page. A scenario A
// pinned in the calculator (`a.p=…`) is drawn beside the link's, muted and
// dashed, and a sentence says how they differ. Every chart point explains
// its number (www/explain-panel.js), as on the page.
//
//   embed.html#v=1&p=base&rev.ai=1.2&cur=usd&show=revenue,payback&inputs=revenue.aiGrowth,targetUsdBn
import {
  compute, encodeScenario, explain, fields, init, presets, readScenarioLink, reportedYears, sensitivity, simulate,
  solveProbability, validate,
} from './core.js';
import { tellOnRestart } from './restart-notice.js';
import { levelOfLink, readOption } from './analysis-options.js';
import { paybackChart, revenueChart, tokenChart } from './charts.js';
import { compareLink, compareSentence, splitCompare } from './compare.js';
import { el, followInPageLinks } from './dom.js';
import { ExplainPanel } from './explain-panel.js';
import { FIELD_TEXT } from './fields.js';
import { presetInLanguage } from './presets.js';
import { ScenarioForm, splitIndex, withSubstitutes } from './form.js';
import { fySpan, t, translateDocument } from './i18n.js';
import {
  headline, problemSentence, substitutionNote,
} from './render.js';
import { EMBED_CHARTS, safeDecode, splitEmbedFragment } from './share.js';
import { ANALYSIS_DEFAULTS, currencyOfView, withView } from './view.js';

/** The message the widget posts to its host page, and the one it answers. */
const HEIGHT_MESSAGE = 'aicloud-scenario:height';
const HEIGHT_REQUEST = 'aicloud-scenario:height-request';
const DRAW = {
  revenue: revenueChart,
  payback: paybackChart,
  tokens: tokenChart,
  tornado: (scenario, projection, options) => analysisParts.tornadoChart(
    scenario, sensitivity(scenario), { ...options, labels: analysisParts.tornadoLabels() }),
  probability: () => el('div', {},
    el('div', { id: 'embed-probability-text', class: 'likely-text' }),
    el('div', { id: 'embed-histogram' }),
    el('p', { id: 'embed-certainty', class: 'certainty-text' })),
};

/** Tells the host page the widget's height (which is no secret: any parent may know it). */
function reportHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
}
// A host script that arrives after the widget asks for the height.
window.addEventListener('message', (event) => {
  if (event.source === window.parent && event.data?.type === HEIGHT_REQUEST) reportHeight();
});

// A Chinese widget was hidden until now (`.lang-pending`, embed-first-paint.js).
translateDocument(document);
document.documentElement.classList.remove('lang-pending');
const chosenCharts = splitEmbedFragment(location.hash).show
  .map((id) => EMBED_CHARTS.find((chart) => chart.id === id)).filter(Boolean);
const showsProbability = chosenCharts.some((chart) => chart.id === 'probability');
const analysed = showsProbability || chosenCharts.some((chart) => chart.id === 'tornado');
// The core, a script beside widget.js: core-analysis.js has simulate,
// solveProbability and sensitivity, which the probability and the tornado
// call; core.js has only what the other charts call, and weighs 14 KB less
// gzipped. embed-first-paint.js has asked for the same one already.
try {
  await init(analysed ? 'core-analysis.js' : 'core.js');
} catch (error) {
  document.getElementById('status').textContent = t('page.coreFailed', { message: error.message });
  throw error;
}
followInPageLinks(document);

const $ = (id) => document.getElementById(id);
tellOnRestart($('restart-notice'));
const infos = fields();
const { link: fragmentLink, inputs, view } = splitEmbedFragment(location.hash, infos);
// A scenario A in the link (`a.p=…`, from the calculator's Keep as A) is drawn beside this one.
const { rest: link, a: linkA } = splitCompare(fragmentLink);
const readA = linkA === null ? null : readScenarioLink(linkA);
const pinned = readA && !readA.problems.length ? (() => {
  try {
    return { scenario: readA.scenario, projection: compute(readA.scenario), preset: readA.preset };
  } catch {
    return null;
  }
})() : null;
const comparePairs = pinned ? `&${compareLink(encodeScenario(pinned.scenario, pinned.preset))}` : '';
const currency = currencyOfView(view);
/** The simulation's runner, charts and sentences: loaded only when a chart needs them. */
const analysisParts = analysed ? (await import('./embed-analysis.js')) : null;
const read = readScenarioLink(link);
const presetList = presets().map((preset) => presetInLanguage(preset));
const preset = presetList.find((p) => p.id === read.preset) ?? presetList[0];
const form = new ScenarioForm($('inputs'), infos, { only: inputs, title: t('embed.tryYourOwn') });
form.fill(read.scenario, preset.notes);
$('inputs').hidden = inputs.length === 0;

/** The analysis options the link asks for, as link text, with what it got wrong. */
const optionProblems = [];
const analysisOptions = { sure: levelOfLink(view.sure).level };
// Each option's label on the page, by its message id written out (the widget's table keeps only the ids its scripts name).
const optionLabels = { samples: 'page.samples', seed: 'page.seed' };
for (const [name, label] of Object.entries(optionLabels)) {
  if (view[name] === undefined) continue;
  const { text, problem } = readOption(name, safeDecode(view[name]));
  if (problem) {
    optionProblems.push(t('embed.optionProblem', { name, label: t(label), value: view[name], problem }));
  } else {
    analysisOptions[name] = text;
  }
}
const analysisOf = (name) => Number(analysisOptions[name] ?? ANALYSIS_DEFAULTS[name]);
$('full').href = `index.html#${withView(link, { currency, analysis: analysisOptions })}${comparePairs}`;

/** The simulation and goal seek last received, each with the job (scenario, projection) it answers. */
const analysis = { simulation: null, certainty: null };
const runner = showsProbability && new analysisParts.AnalysisRunner({
  core: { simulate, solveProbability },
  onResult: ({ kind, value, job, message }) => {
    if (kind === 'error') $('embed-probability-text')?.replaceChildren(el('p', {}, t('page.simulationFailed', { message })));
    else analysis[kind] = { value, job };
    drawProbability();
  },
});

/** What the charts show: null (nothing yet), 'own' results, or 'substituted' preset values. */
let shown = null;
/** The scenario and projection the charts show. */
let charted = null;

const explainer = new ExplainPanel(document, {
  explain,
  context: () => charted && {
    scenario: charted.scenario, years: charted.projection.years, usd: currency === 'USD', input: (path) => form.input(path),
  },
});

/**
 * A bad link can hold a bad value in a field the widget has no input for:
 * name it in the form's words, and say where it can be changed (in English
 * with the core's reason; in Chinese, which the core does not speak, that
 * the link's value is invalid).
 */
function worded(problems) {
  return problems?.map((problem) => {
    const [path, index] = splitIndex(problem.field);
    if (problem.input || !FIELD_TEXT[path]) return problem;
    const { label } = FIELD_TEXT[path];
    const reason = problem.message.startsWith(`${problem.field} `) ? problem.message.slice(problem.field.length + 1) : problem.message;
    return {
      ...problem,
      label: index === undefined ? label : t('embed.problem.year', { label, year: index + 1 }),
      message: t('embed.problem.elsewhere', { reason: reason.replace(/^./, (c) => c.toUpperCase()) }),
    };
  });
}

function update() {
  const evaluated = form.evaluate({ compute, validate });
  const { scenario, projection } = evaluated;
  const problems = worded(evaluated.problems);
  document.body.classList.toggle('is-stale', Boolean(problems));
  $('stale').hidden = !problems;
  if (!problems) {
    $('status').textContent = headline(scenario, projection);
    $('compare-text').hidden = !pinned;
    if (pinned) $('compare-text').textContent = compareSentence(pinned, { scenario, projection });
    try {
      $('full').href = `index.html#${withView(encodeScenario(scenario, preset.id), { currency, analysis: analysisOptions })}${comparePairs}`;
    } catch {
      // A value the link grammar cannot carry (29 significant digits): keep the last link.
    }
    drawCharts(scenario, projection);
    shown = 'own';
    return;
  }
  $('status').replaceChildren(...problemSentence(problems));
  if (shown === 'own') {
    $('stale').textContent = t('page.stale');
    return;
  }
  // A bad link has no results of its own: chart the preset's value for each
  // bad field instead (including fields without an input here), and say so.
  const results = withSubstitutes(scenario, preset.scenario, problems, compute);
  if (!results) {
    $('stale').textContent = t('page.fixToSeeResults');
    return;
  }
  drawCharts(results.scenario, results.projection);
  shown = 'substituted';
  $('stale').textContent = substitutionNote(preset.label, problems);
}

/** Draws the chosen charts, each under its title and an "Out of date" badge shown while stale. */
function drawCharts(scenario, projection) {
  const options = { currency, fx: Number(scenario.fxRmbPerUsd), compare: pinned?.projection };
  const width = $('charts').clientWidth || undefined;
  const reported = reportedYears(scenario);
  const before = { revenue: reported?.revenueRmbBn, payback: reported?.capexRmbBn };
  charted = { scenario, projection };
  explainer.refresh();
  $('charts').replaceChildren(...chosenCharts.map(({ id, title }) => el('figure', { class: 'chart-frame' },
    el('figcaption', { class: 'chart-caption' }, title, ' ', el('span', { class: 'stale-badge' }, t('page.outOfDate'))),
    DRAW[id](scenario, projection, { ...options, width, idPrefix: `embed-${id}`, reported: before[id] }))));
  if (!showsProbability) return;
  if (!optionProblems.length) {
    runner.request({
      scenario, projection, samples: analysisOf('samples'), seed: analysisOf('seed'),
      probability: Number(analysisOptions.sure) / 100, level: analysisOptions.sure,
    });
  }
  drawProbability();
}

/** Fills the probability part with the analysis received last (or the link's problems with its options). */
function drawProbability() {
  const text = $('embed-probability-text');
  if (!text) return;
  if (optionProblems.length) {
    text.replaceChildren(...optionProblems.map((problem) => el('p', { class: 'error' }, problem)));
    return;
  }
  const received = analysis.simulation;
  if (received) {
    const { scenario, projection } = received.job;
    text.replaceChildren(...analysisParts.likelySentences(scenario, projection, received.value).map((sentence) => el('p', {}, sentence)));
    const into = $('embed-histogram').querySelector('svg.chart');
    const svg = analysisParts.histogramChart(scenario, received.value, {
      span: fySpan(projection.years), width: $('charts').clientWidth || undefined, idPrefix: 'embed-histogram', into,
    });
    if (svg !== into) $('embed-histogram').replaceChildren(svg);
  }
  const solved = analysis.certainty;
  if (solved) $('embed-certainty').textContent = analysisParts.certaintySentence(solved.job.scenario, solved.job.level, solved.value);
}

$('inputs').addEventListener('input', update);
$('inputs').addEventListener('submit', (event) => event.preventDefault());
update();

// Report the height now and whenever it changes (charts redrawn at their
// width, fonts loaded, an error message shown).
new ResizeObserver(reportHeight).observe(document.documentElement);
document.fonts?.ready.then(reportHeight);
window.addEventListener('load', reportHeight);
