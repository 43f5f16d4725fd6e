// What a reader feels: from an input event in the calculator to the next
// painted frame, at 1280 px in headless Chromium. `node bench/input-to-paint.mjs`
// serves the repository, opens the page, types into a field many times
// (alternating between two values so every event recomputes and redraws),
// and prints the median and the 95th percentile.
//
// Each sample dispatches an `input` event as typing does, then waits for the
// next animation frame and a task after it: the frame's style, layout and
// paint run between the two, so the time includes everything the reader
// waits for, not only the script. Frames are not held to the display's
// 60 Hz (`--disable-frame-rate-limit`), so the figure is the work itself,
// not the wait for the next vsync.
import { launch, serve } from '../tests/page/browser.mjs';

const SAMPLES = Number(process.env.SAMPLES ?? 300);
const FIELDS = ['#f-revenue-aiGrowth-0', '#f-fxRmbPerUsd', '#f-tokens-utilization'];

const server = await serve();
const browser = await launch(['--disable-frame-rate-limit', '--disable-gpu-vsync', '--run-all-compositor-stages-before-draw']);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.locator('#status').filter({ hasText: /^Cumulative/ }).waitFor();
  for (const field of FIELDS) {
    const times = await page.evaluate(async ([selector, samples]) => {
      const input = document.querySelector(selector);
      const original = input.value;
      const values = [original, String(Number(original) + 1)];
      const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }));
      const result = [];
      for (let i = 0; i < samples + 20; i += 1) {
        await nextPaint(); // start on a fresh frame
        input.value = values[i % 2];
        const start = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        const end = await nextPaint();
        if (i >= 20) result.push(end - start); // after a warm-up
      }
      input.value = original;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      return result;
    }, [field, SAMPLES]);
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.ceil(p * times.length) - 1].toFixed(1);
    console.log(`${field.padEnd(26)} input to next paint: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${times.length} samples)`);
  }
} finally {
  await browser.close();
  server.stop();
}
