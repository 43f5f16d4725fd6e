import { readFileSync } from 'node:fs';
import { initSync, compute, defaultScenario } from 'aicloud-scenario';

const wasm = new URL(import.meta.resolve('aicloud-scenario/aicloud_scenario_bg.wasm'));
initSync({ module: readFileSync(wasm) });

const scenario = defaultScenario();
scenario.revenue.aiGrowth = ['1.2', '0.9', '0.7', '0.5', '0.4'];
const { years, revenue, capex } = compute(scenario);
console.log(`Cumulative revenue FY${years[0]}-FY${years.at(-1)}: US$${revenue.cumulativeUsdBn.at(-1)}bn`);
console.log(`US$${scenario.targetUsdBn}bn first reached in FY${revenue.targetHitYear}`);
console.log(`NPV of the capex, RMB bn: ${capex.npvRmbBn}`);
