// Node benchmark: `node bench/node.mjs` prints microseconds per call.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/aicloud_scenario.js';
import * as core from '../pkg/aicloud_scenario.js';
import { measure } from './measure.js';

initSync({ module: readFileSync(new URL('../pkg/aicloud_scenario_bg.wasm', import.meta.url)) });
console.log(JSON.stringify({ runtime: `Node ${process.version}`, microsecondsPerCall: measure(core) }, null, 2));
