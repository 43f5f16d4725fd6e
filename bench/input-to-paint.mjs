// What a reader feels: from an input event in the calculator to the next
// painted frame, at 1280 px in headless Chromium. `node bench/input-to-paint.mjs`
// serves the repository, opens the page, types into a field many times
// (alternating between two values so every event recomputes and redraws),
// and prints the median and the 95th percentile. For the first field it
// also times the input to the frame that paints the new "How likely?"
// figures (the simulation and goal seek run in a worker at the default
// 10,000 samples, so they arrive a few frames after the projection).
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
    const times = await page.evaluate(async ([selector, samples, withAnalysis]) => {
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
        let analysed = end;
        if (withAnalysis) {
          const section = document.getElementById('likely');
          while (section.getAttribute('aria-busy') !== 'false') await nextPaint();
          analysed = await nextPaint();
        }
        if (i >= 20) result.push([end - start, analysed - start]); // after a warm-up
      }
      input.value = original;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      return result;
    }, [field, SAMPLES, field === FIELDS[0]]);
    const summary = (values) => {
      values.sort((a, b) => a - b);
      const at = (p) => values[Math.ceil(p * values.length) - 1].toFixed(1);
      return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
    };
    console.log(`${field.padEnd(26)} input to next paint: ${summary(times.map(([paint]) => paint))} (${times.length} samples)`);
    if (field === FIELDS[0]) {
      console.log(`${''.padEnd(26)} input to How likely? painted: ${summary(times.map(([, analysed]) => analysed))}`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
