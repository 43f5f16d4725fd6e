// The calculator page: read the form, compute, render. Every input event
// recomputes; bad input marks its field and leaves the last good results
// on screen, dimmed and labelled stale.
import init, { compute, fields, presets, validate } from '../pkg/aicloud_scenario.js';
import { paybackChart, revenueChart, tokenChart } from './charts.js';
import { el, ScenarioForm } from './form.js';
import { currencyOf, headline, keyFigures, tableElement, tables } from './render.js';

export { headline };

await init();

const $ = (id) => document.getElementById(id);
const form = $('inputs');
const presetList = presets();
const scenarioForm = new ScenarioForm(form, fields());
const picker = $('preset');
picker.append(...presetList.map((preset) => el('option', { value: preset.id }, preset.label)));

/** The last scenario that computed, with its projection. */
let current = null;

function selectedCurrency() {
  return form.ownerDocument.querySelector('input[name="currency"]:checked').value;
}

/** Draws a projection: the headline, key figures, charts and tables. */
function render(scenario, projection) {
  const currency = currencyOf(selectedCurrency(), scenario.fxRmbPerUsd);
  const chartOptions = { currency: selectedCurrency(), fx: Number(scenario.fxRmbPerUsd), locale: 'en' };
  $('status').textContent = headline(scenario, projection);
  $('key-figures').replaceChildren(...keyFigures(scenario, projection, currency)
    .map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value))));
  $('revenue-chart').replaceChildren(revenueChart(scenario, projection, chartOptions));
  $('capex-chart').replaceChildren(paybackChart(scenario, projection, chartOptions));
  $('tokens-chart').replaceChildren(tokenChart(scenario, projection, chartOptions));
  for (const table of tables(projection, currency)) {
    $(`${table.id}-table`).replaceChildren(tableElement(table, projection.years));
  }
  const warnings = projection.warnings.map((warning) => el('li', {}, warning.message));
  $('warnings').querySelector('ul').replaceChildren(...warnings);
  $('warnings').hidden = warnings.length === 0;
}

/** Marks the results as stale and says what to fix. */
function showStale(problems) {
  document.body.classList.add('is-stale');
  $('stale').hidden = false;
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  $('status').textContent = `Check ${first.label}: ${first.message}${more}`;
}

/** Reads the form, computes, and renders or marks the problems. */
function update() {
  const scenario = scenarioForm.read();
  let projection;
  try {
    projection = compute(scenario);
  } catch (error) {
    const found = validate(scenario);
    const problems = scenarioForm.showProblems(found.length ? found : [{ field: error.field, message: error.message }]);
    showStale(problems);
    return;
  }
  scenarioForm.showProblems([]);
  document.body.classList.remove('is-stale');
  $('stale').hidden = true;
  current = { scenario, projection };
  render(scenario, projection);
}

function applyPreset(id) {
  const preset = presetList.find((p) => p.id === id) ?? presetList[0];
  picker.value = preset.id;
  $('preset-rationale').textContent = preset.rationale;
  scenarioForm.fill(preset.scenario, preset.notes);
  update();
}

form.addEventListener('input', (event) => {
  if (event.target !== picker) update();
});
form.addEventListener('submit', (event) => event.preventDefault());
picker.addEventListener('change', () => applyPreset(picker.value));
for (const radio of document.querySelectorAll('input[name="currency"]')) {
  radio.addEventListener('change', () => current && render(current.scenario, current.projection));
}

applyPreset('base');
