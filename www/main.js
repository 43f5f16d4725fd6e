// The calculator page: read the form, compute, render. Every input event
// recomputes; bad input marks its field and leaves the last good results
// on screen, greyed and labelled out of date. The scenario lives in the URL
// fragment (kept in sync, restored on load and on navigation), and can be
// copied as a link, embedded, and exported.
import init, {
  compute, encodeScenario, fields, presets, readScenarioLink, validate,
} from '../pkg/aicloud_scenario.js';
import { paybackChart, revenueChart, tokenChart } from './charts.js';
import { el } from './dom.js';
import { ScenarioForm } from './form.js';
import {
  currencyOf, displayFormat, headline, keyFigures, problemSentence, tableElement, tables, tablesCsv,
} from './render.js';
import { debounce, download, embedSnippet, standaloneSvg } from './share.js';

await init();

const $ = (id) => document.getElementById(id);
const form = $('inputs');
const presetList = presets();
const scenarioForm = new ScenarioForm(form, fields());
const picker = $('preset');
picker.append(...presetList.map((preset) => el('option', { value: preset.id }, preset.label)));

/** The last scenario that computed, with its projection. */
let current = null;

const selectedCurrency = () => document.querySelector('input[name="currency"]:checked').value;

/** Draws a projection: the headline, key figures, charts and tables. */
function render(scenario, projection) {
  const currency = currencyOf(selectedCurrency(), scenario.fxRmbPerUsd);
  const chartOptions = { currency: selectedCurrency(), fx: Number(scenario.fxRmbPerUsd), locale: 'en' };
  $('status').textContent = headline(scenario, projection);
  $('key-figures').replaceChildren(...keyFigures(scenario, projection, currency)
    .map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value))));
  // Charts lay out at their figure's width (no redraw on the next frame).
  for (const [id, chart] of [['revenue-chart', revenueChart], ['capex-chart', paybackChart], ['tokens-chart', tokenChart]]) {
    $(id).replaceChildren(chart(scenario, projection, { ...chartOptions, width: $(id).clientWidth || undefined }));
  }
  for (const table of tables(projection, displayFormat(currency))) {
    $(`${table.id}-table`).replaceChildren(tableElement(table, projection.years));
  }
  const warnings = projection.warnings.map((warning) => el('li', {}, warning.message));
  $('warnings').querySelector('ul').replaceChildren(...warnings);
  $('warnings').hidden = warnings.length === 0;
}

/** The fragment follows the scenario; browsers throttle URL rewrites, so at most every 300 ms. */
const syncFragment = debounce((scenario, preset) => {
  try {
    history.replaceState(null, '', `#${encodeScenario(scenario, preset)}`);
  } catch {
    // A value the link grammar cannot carry (29 significant digits): keep the last link.
  }
}, 300);

/** Reads the form, computes, and renders, or marks the problems and the results as stale. */
function update() {
  const { scenario, projection, problems } = scenarioForm.evaluate({ compute, validate });
  document.body.classList.toggle('is-stale', Boolean(problems));
  $('stale').hidden = !problems;
  if (problems) {
    $('status').textContent = problemSentence(problems);
    return;
  }
  current = { scenario, projection };
  render(scenario, projection);
  syncFragment(scenario, picker.value);
}

function showPreset(id, scenario) {
  const preset = presetList.find((p) => p.id === id) ?? presetList[0];
  picker.value = preset.id;
  $('preset-rationale').textContent = preset.rationale;
  scenarioForm.fill(scenario ?? preset.scenario, preset.notes);
}

/** Opens a link's scenario: what it could read applied, its problems and warnings shown. */
function applyLink(fragment) {
  const read = readScenarioLink(fragment);
  showPreset(read.preset, read.scenario);
  const notices = [
    ...read.problems.filter((p) => ['link', 'v', 'p'].includes(p.field)).map((p) => p.message),
    ...read.warnings.map((w) => w.message),
  ];
  $('link-notice').textContent = notices.length ? `This link had problems: ${notices.join('; ')}.` : '';
  $('link-notice').hidden = notices.length === 0;
  update();
}

function applyPreset(id) {
  $('link-notice').hidden = true;
  showPreset(id);
  update();
}

function say(message) {
  $('share-status').textContent = message;
}

async function copyText(text, fallbackBox, fallbackInput) {
  try {
    await navigator.clipboard.writeText(text);
    say('Copied.');
  } catch {
    fallbackInput.value = text;
    fallbackBox.hidden = false;
    fallbackInput.select();
    say('Select and copy the text below.');
  }
}

function currentLink() {
  return current ? encodeScenario(current.scenario, picker.value) : location.hash.slice(1);
}

form.addEventListener('input', (event) => {
  if (event.target !== picker) update();
});
form.addEventListener('submit', (event) => event.preventDefault());
picker.addEventListener('change', () => applyPreset(picker.value));
for (const radio of document.querySelectorAll('input[name="currency"]')) {
  radio.addEventListener('change', () => current && render(current.scenario, current.projection));
}
window.addEventListener('hashchange', () => applyLink(location.hash.slice(1)));

$('copy-link').addEventListener('click', () => {
  const url = new URL(location.href);
  url.hash = currentLink();
  copyText(url.href, $('link-copy'), $('link-text'));
});
$('show-embed').addEventListener('click', () => {
  const open = $('embed-panel').hidden;
  $('embed-panel').hidden = !open;
  $('show-embed').setAttribute('aria-expanded', String(open));
  if (open) $('embed-code').value = embedSnippet(location.href, currentLink());
});
$('copy-embed').addEventListener('click', () => copyText($('embed-code').value, $('embed-panel'), $('embed-code')));
$('download-csv').addEventListener('click', () => {
  if (current) download('aicloud-scenario.csv', 'text/csv', tablesCsv(current.projection));
});
$('download-json').addEventListener('click', () => {
  download('aicloud-scenario.json', 'application/json', `${JSON.stringify(scenarioForm.read(), null, 2)}\n`);
});
$('load-json').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  if (!file) return;
  let scenario;
  try {
    scenario = JSON.parse(await file.text());
  } catch {
    say(`${file.name} is not JSON.`);
    return;
  }
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    say(`${file.name} does not hold a scenario.`);
    return;
  }
  showPreset('base', scenario);
  update();
  say(`Loaded ${file.name}.`);
});
for (const button of document.querySelectorAll('.download-svg')) {
  button.addEventListener('click', () => {
    const svg = $(button.dataset.chart).querySelector('svg');
    if (svg) download(`${button.dataset.chart}.svg`, 'image/svg+xml', standaloneSvg(svg));
  });
}

if (location.hash.length > 1) applyLink(location.hash.slice(1));
else applyPreset('base');
