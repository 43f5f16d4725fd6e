import init, { compute, defaultScenario } from '../pkg/aicloud_scenario.js';

await init();
const { years, revenue } = compute(defaultScenario());
document.querySelector('#year').textContent = `FY${years.at(-1)}`;
document.querySelector('#cumulative').textContent = revenue.cumulativeUsdBn.at(-1);
