// Writes pkg/package.json to stdout: the npm package of the wasm-bindgen
// output, its name, version, description, license and repository read from
// Cargo.toml's [package], so that `npm pack ./pkg` gives an installable,
// typed package. No dates or paths: the output depends on Cargo.toml only.
//   node scripts/package-json.mjs > pkg/package.json
import { readFileSync } from 'node:fs';

const toml = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const section = toml.match(/^\[package\]\n([\s\S]*?)(?=^\[)/m)?.[1] ?? '';
const field = (key) => {
  const value = section.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  if (value === undefined) throw new Error(`Cargo.toml [package] has no ${key}`);
  return value;
};

const js = './aicloud_scenario.js';
const types = './aicloud_scenario.d.ts';
const wasm = './aicloud_scenario_bg.wasm';
const pkg = {
  name: field('name'),
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: `git+${field('repository')}.git` },
  type: 'module',
  main: js,
  module: js,
  types,
  exports: {
    '.': { types, default: js },
    './aicloud_scenario_bg.wasm': wasm,
    './package.json': './package.json',
  },
  files: ['aicloud_scenario.js', 'aicloud_scenario.d.ts', 'aicloud_scenario_bg.wasm', 'aicloud_scenario_bg.wasm.d.ts'],
  sideEffects: false,
  keywords: ['webassembly', 'decimal', 'scenario', 'npv', 'irr', 'monte-carlo'],
};
process.stdout.write(`${JSON.stringify(pkg, null, 2)}\n`);
