// Browser benchmark: open bench/index.html from the served repository.
import init, * as core from '../pkg/aicloud_scenario.js';
import { measure } from './measure.js';

await init();
const result = { runtime: navigator.userAgent, microsecondsPerCall: measure(core) };
document.getElementById('result').textContent = JSON.stringify(result, null, 2);
document.body.dataset.done = 'true';
