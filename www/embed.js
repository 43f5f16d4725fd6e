// The article widget (bundled into pkg-embed/widget.js by scripts/build.sh):
// the headline, the charts chosen by `show=` and the inputs chosen by
// `inputs=` for the scenario in the fragment, with a link to the full
// calculator. It tells the host page its height (see embed-host.js).
//
//   embed.html#v=1&p=base&rev.ai=1.2&show=revenue,payback&inputs=revenue.aiGrowth,targetUsdBn
import init, { compute, fields, presets, readScenarioLink, validate } from '../pkg/aicloud_scenario.js';
import { paybackChart, revenueChart, tokenChart } from './charts.js';
import { el } from './dom.js';
import { ScenarioForm } from './form.js';
import { headline, problemSentence } from './render.js';
import { splitEmbedFragment } from './share.js';

/** The message type the widget posts to its host page. */
const HEIGHT_MESSAGE = 'aicloud-scenario:height';
const CHARTS = { revenue: revenueChart, payback: paybackChart, tokens: tokenChart };

await init();

const $ = (id) => document.getElementById(id);
const infos = fields();
const { link, show, inputs } = splitEmbedFragment(location.hash, infos);
const chosenCharts = show.filter((name) => CHARTS[name]);
const read = readScenarioLink(link);
const preset = presets().find((p) => p.id === read.preset);
const form = new ScenarioForm($('inputs'), infos, { only: inputs, title: 'Try your own assumptions' });
form.fill(read.scenario, preset.notes);
$('inputs').hidden = inputs.length === 0;
$('full').href = `index.html#${link}`;

function update() {
  const { scenario, projection, problems } = form.evaluate({ compute, validate });
  document.body.classList.toggle('is-stale', Boolean(problems));
  $('stale').hidden = !problems;
  if (problems) {
    $('status').textContent = problemSentence(problems);
    return;
  }
  $('status').textContent = headline(scenario, projection);
  const options = { currency: 'RMB', fx: Number(scenario.fxRmbPerUsd), locale: 'en' };
  const width = $('charts').clientWidth || undefined;
  $('charts').replaceChildren(...chosenCharts.map((name) => el('figure', { class: 'chart-frame' },
    CHARTS[name](scenario, projection, { ...options, width, idPrefix: `embed-${name}` }))));
}

$('inputs').addEventListener('input', update);
$('inputs').addEventListener('submit', (event) => event.preventDefault());
update();

// Report the height to the host page, which sizes the iframe to it.
if (window.parent !== window) {
  const report = () => window.parent.postMessage(
    { type: HEIGHT_MESSAGE, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
  new ResizeObserver(report).observe(document.documentElement);
}
