// Loads the WebAssembly core and shows the base projection.
import init, { compute, defaultScenario } from '../pkg/aicloud_scenario.js';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** The headline sentence of a projection, in words and numbers. */
export function headline(scenario, projection) {
  const { years, revenue } = projection;
  const cumulative = revenue.cumulativeUsdBn.at(-1);
  const target = number.format(scenario.targetUsdBn);
  const reached = revenue.targetHitYear === null
    ? `target of US$${target}bn not reached`
    : `target of US$${target}bn reached in FY${revenue.targetHitYear}`;
  const required = revenue.requiredUniformGrowth === null
    ? 'no uniform growth rate within -99 % to 1,000 % reaches it'
    : `required uniform growth ${percent.format(revenue.requiredUniformGrowth)}`;
  return `Cumulative FY${years[0]}-FY${years.at(-1)}: US$${number.format(cumulative)}bn, ${reached}; ${required}.`;
}

function render(scenario, projection) {
  document.getElementById('headline').textContent = headline(scenario, projection);
  const rows = projection.years.map((year, i) => {
    const row = document.createElement('tr');
    const cells = [
      `FY${year}`,
      number.format(projection.revenue.ai[i]),
      number.format(projection.revenue.core[i]),
      number.format(projection.revenue.total[i]),
      number.format(projection.revenue.cumulativeUsdBn[i]),
      number.format(projection.capex.netCashFlow[i]),
      percent.format(projection.tokens.grossMargin[i]),
    ];
    cells.forEach((text, column) => {
      const cell = document.createElement(column === 0 ? 'th' : 'td');
      if (column === 0) cell.scope = 'row';
      cell.textContent = text;
      row.append(cell);
    });
    return row;
  });
  const table = document.getElementById('years');
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = false;
}

await init();
const scenario = defaultScenario();
render(scenario, compute(scenario));
