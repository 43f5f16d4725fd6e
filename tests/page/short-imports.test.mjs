// The page's and the widget's cores have short import names
// (scripts/short-imports.mjs): the module's import section rewritten and
// nothing else, the glue's keys renamed to match, and a glue that does not
// write each name exactly once refused rather than half renamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { renameImports, shortImports } from '../../scripts/short-imports.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url));
const importsOf = (wasm) => WebAssembly.Module.imports(new WebAssembly.Module(wasm));
const exportsOf = (wasm) => WebAssembly.Module.exports(new WebAssembly.Module(wasm));

/** The wasm inlined in a widget core's script (gzipped, as base64). */
const inlined = (script) => gunzipSync(Buffer.from(/atob\('([^']+)'\)/.exec(script)[1], 'base64'));

test('renaming every import to its own name gives the module back byte for byte', () => {
  // pkg/, the npm package, keeps wasm-bindgen's names.
  const wasm = read('pkg/aicloud_scenario_bg.wasm');
  assert.ok(importsOf(wasm).length > 20);
  assert.deepEqual(renameImports(wasm, (module, name) => [module, name]), wasm);
});

test('renamed imports: the same kinds in the same order, the same exports, and renamed back, the module as it was', () => {
  const wasm = read('pkg/aicloud_scenario_bg.wasm');
  const renamed = renameImports(wasm, (module, name) => ['m', `${name}-and-longer`]);
  assert.deepEqual(importsOf(renamed), importsOf(wasm).map(({ name, kind }) => ({ module: 'm', name: `${name}-and-longer`, kind })));
  assert.deepEqual(exportsOf(renamed), exportsOf(wasm));
  const module = importsOf(wasm)[0].module;
  assert.deepEqual(renameImports(renamed, (_, name) => [module, name.replace(/-and-longer$/, '')]), wasm);
});

test('the page\'s and the widget\'s cores import short names from the module `_`', () => {
  const cores = {
    'pkg-page/': read('pkg-page/aicloud_scenario_bg.wasm'),
    'core.js': inlined(read('pkg-embed/core.js').toString('utf8')),
    'core-analysis.js': inlined(read('pkg-embed/core-analysis.js').toString('utf8')),
  };
  for (const [name, wasm] of Object.entries(cores)) {
    const imports = importsOf(wasm);
    assert.ok(imports.length > 20, name);
    imports.forEach((entry, index) => assert.deepEqual([entry.module, entry.name], ['_', `_${index.toString(36)}`], name));
  }
  const glue = read('pkg-page/aicloud_scenario.js').toString('utf8');
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}\b/, 'no hashed name is left in the page\'s glue');
  assert.match(glue, /"_": import0/);
});

test('a glue that writes a name twice, or not at all, is refused', () => {
  const wasm = read('pkg/aicloud_scenario_bg.wasm');
  const glue = read('pkg/aicloud_scenario.js').toString('utf8');
  assert.equal(shortImports(glue, wasm).wasm.length < wasm.length, true);
  const [first] = importsOf(wasm);
  assert.throws(() => shortImports(`${glue}\nconst again = '${first.name}';`, wasm), new RegExp(`writes ${first.name} 2 times`));
  assert.throws(() => shortImports(glue.replace(`${first.name}:`, 'renamed:'), wasm), new RegExp(`writes ${first.name} 0 times`));
  assert.throws(() => shortImports(glue.replace('"./aicloud_scenario_bg.js"', '"elsewhere"'), wasm), /writes "\.\/aicloud_scenario_bg\.js" 0 times/);
});
