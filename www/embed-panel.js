// The Embed panel: the publisher ticks the charts and the inputs the widget
// shows, and the snippet below them follows at once.
import { el } from './dom.js';
import { FIELD_TEXT } from './fields.js';
import { EMBED_CHARTS, embedSnippet } from './share.js';

/** The inputs a publisher can offer readers in the widget: the assumptions most worth trying. */
export const EMBED_INPUTS = ['targetUsdBn', 'revenue.aiGrowth', 'revenue.coreGrowth', 'fxRmbPerUsd', 'capex.rmbBn',
  'capex.incrementalCashMargin', 'tokens.priceRmbPerMTok'];

/** The charts ticked when the panel first opens. */
const DEFAULT_CHARTS = ['revenue', 'payback'];

const checkbox = (name, value, label, checked) => el('label', {},
  el('input', { type: 'checkbox', name, value, checked }), label);

/**
 * Fills the panel's two fieldsets (`#embed-show`, `#embed-inputs`) with
 * checkboxes and keeps `#embed-code` equal to the snippet for the ticked
 * charts and inputs and the scenario `link()` gives. Returns `refresh`, to
 * call when the scenario changes.
 */
export function embedPanel(panel, infos, link) {
  const $ = (selector) => panel.querySelector(selector);
  $('#embed-show').append(...EMBED_CHARTS.map((chart) =>
    checkbox('embed-show', chart.id, chart.title, DEFAULT_CHARTS.includes(chart.id))));
  $('#embed-inputs').append(...EMBED_INPUTS.map((path) => infos.find((info) => info.path === path))
    .filter(Boolean)
    .map((info) => checkbox('embed-inputs', info.key, FIELD_TEXT[info.path].label, false)));
  const ticked = (name) => [...panel.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
  const refresh = () => {
    $('#embed-code').value = embedSnippet(location.href, link(),
      { show: ticked('embed-show'), inputs: ticked('embed-inputs'), infos });
  };
  panel.addEventListener('change', (event) => {
    if (event.target.type === 'checkbox') refresh();
  });
  return refresh;
}
