// Chromium benchmark: `node bench/chromium.mjs` serves the repository,
// opens bench/index.html in headless Chromium and prints its result.
import { launch, serve } from '../tests/page/browser.mjs';

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(new URL('/bench/', server.origin).href);
  await page.waitForSelector('body[data-done]', { timeout: 120_000 });
  console.log(await page.textContent('#result'));
} finally {
  await browser.close();
  server.stop();
}
