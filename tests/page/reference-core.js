// The npm package's core (pkg/, with every export), initialised: what the
// page tests compute a page's figures with, in the page
// (`const { core } = await import('/tests/page/reference-core.js');` in
// `page.evaluate`). The page loads its own core, pkg-page/, which has no
// library exports and is another module instance.
import init, * as core from '../../pkg/aicloud_scenario.js';

await init();

export { core };
