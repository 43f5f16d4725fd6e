// scripts/assets.mjs follows the references the sources write; the service
// worker's list and the weight depend on it. The served copies in dist/ are
// minified (double quotes, no spaces, several statements on a line): the
// same files must be found from them, so that a minified script in the
// sources' place (www/page.js is a build output) changes no list or weight.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, firstVisit } from '../../scripts/assets.mjs';

const source = (path) => readFileSync(join(ROOT, path), 'utf8');
const served = (path) => readFileSync(join(ROOT, 'dist', path), 'utf8');

test('the page\'s and the widget\'s files are found alike from the sources and from dist/\'s minified copies', () => {
  assert.ok(existsSync(join(ROOT, 'dist/www/page.js')), 'dist/ has not been built: run scripts/build.sh');
  for (const entry of ['www/index.html', 'www/embed.html']) {
    for (const options of [{}, { onDemand: false }, { onDemand: false, staticImports: true }]) {
      assert.deepEqual(firstVisit(entry, served, options), firstVisit(entry, source, options), `${entry} ${JSON.stringify(options)}`);
    }
  }
  const page = firstVisit('www/index.html');
  for (const path of ['www/sw.js', 'www/messages/zh.js', 'www/analysis-worker.js', 'pkg-page/aicloud_scenario_bg.wasm']) {
    assert.ok(page.includes(path), path);
  }
  assert.ok(firstVisit('www/embed.html').includes('pkg-embed/embed-analysis.js'));
});
