// The npm package as a developer gets it: `npm pack ./pkg`, installed
// offline into a scratch project, then the type test (tests/types/, compiled
// there with tsc --strict and run against the real outputs) and the Node
// example of the README (examples/node.mjs) run in that project. Also: the
// README's examples are the files the tests run, and no export is `any`.
//   node --test tests/package/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let scratch;
let project;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'aicloud-package-'));
  project = join(scratch, 'project');
  mkdirSync(project);
  const tarball = run('npm', ['pack', join(root, 'pkg'), '--pack-destination', scratch, '--silent'], root).trim().split('\n').at(-1);
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-aicloud-scenario", "private": true, "type": "module" }\n');
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(scratch, tarball)], project);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the package holds its files and says where its types and wasm are', () => {
  const installed = join(project, 'node_modules', 'aicloud-scenario');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, cargo.match(/^version = "(.*)"/m)[1]);
  assert.equal(manifest.exports['.'].types, './aicloud_scenario.d.ts');
  for (const file of manifest.files) readFileSync(join(installed, file));
  assert.deepEqual(readFileSync(join(installed, 'aicloud_scenario_bg.wasm')), readFileSync(join(root, 'pkg', 'aicloud_scenario_bg.wasm')));
});

test('every export is typed: no any in the signatures', () => {
  const dts = readFileSync(join(root, 'pkg', 'aicloud_scenario.d.ts'), 'utf8');
  const untyped = dts.split('\n').filter((line) => /^export (default )?function/.test(line) && /\bany\b/.test(line));
  assert.deepEqual(untyped, []);
});

test('the type test compiles with tsc --strict and holds every result to its type', async () => {
  for (const file of ['tsconfig.json', 'use-every-export.ts']) {
    copyFileSync(join(root, 'tests', 'types', file), join(project, file));
  }
  try {
    run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(project, 'tsconfig.json')], project);
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
  const module = await import(pathToFileURL(join(project, 'out', 'use-every-export.js')));
  const api = await import(pathToFileURL(join(project, 'node_modules', 'aicloud-scenario', 'aicloud_scenario.js')));
  assert.deepEqual(Object.keys(api).sort(), [...module.EXPORTS].sort(), 'the type test uses every export');
  const wasm = readFileSync(join(project, 'node_modules', 'aicloud-scenario', 'aicloud_scenario_bg.wasm'));
  const lines = await module.useEveryExport(wasm);
  assert.equal(lines.length, 11);
  assert.match(lines.join('\n'), /compute: cumulative US\$301\.430478069bn, target hit FY2029/);
});

test('the Node example runs on the installed package', () => {
  copyFileSync(join(root, 'examples', 'node.mjs'), join(project, 'node.mjs'));
  assert.equal(run(process.execPath, ['node.mjs'], project), [
    'Cumulative revenue FY2027-FY2031: US$354.893650152bn',
    'US$100bn first reached in FY2029',
    'NPV of the capex, RMB bn: -79.52737567',
    '',
  ].join('\n'));
});

test('the README shows the examples exactly as the tests run them', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const [file, language] of [['node.mjs', 'js'], ['browser.html', 'html'], ['browser.js', 'js']]) {
    const text = readFileSync(join(root, 'examples', file), 'utf8');
    assert.ok(readme.includes(`\`\`\`${language}\n${text}\`\`\`\n`), `README.md holds examples/${file} verbatim in a ${language} block`);
  }
});
