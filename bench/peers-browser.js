// Chromium side of bench/peers.mjs: the same sets and calls as in Node, with
// the packages' browser builds served from node_modules.
import init, * as core from '../pkg/aicloud_scenario.js';
import * as financial from '../node_modules/financial/dist/financial.esm.js';
import { flowSets, runCore, runPeers } from './peers.js';

await init();
const scenario = core.defaultScenario();
const capex = core.compute(scenario).capex;
const sets = flowSets(capex.netCashFlow.map(Number), Number(scenario.capex.discountRate));
const result = {
  runtime: navigator.userAgent,
  peers: runPeers({ core, formulajs: globalThis.formulajs, financial }, sets),
  core: runCore(core),
};
document.getElementById('result').textContent = JSON.stringify(result);
document.body.dataset.done = 'true';
