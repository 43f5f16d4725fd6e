// What a reader feels: from an input event in the calculator to the frame
// that shows it, at 1280 px in headless Chromium. `node bench/input-to-paint.mjs`
// serves the repository, opens the page, and edits a field many times
// (alternating between two values, so every event recomputes and redraws)
// while Chromium records a performance trace. For each edit it reads from
// the trace:
//   - input to next frame: from the input event to the compositor drawing
//     the first frame after it (the handler, then that frame's style,
//     layout, paint and raster);
//   - the input handler: the event's own script time (the part the page
//     controls most directly);
//   - for the first field, input to the "How likely?" figures drawn: to the
//     first frame after the simulation and goal seek of the edit (run in a
//     worker at the default 10,000 samples) are on screen.
// It prints the median and the 95th percentile of each. Frames are not
// held to the display's 60 Hz (`--disable-frame-rate-limit`), so the figure
// is the work itself, not the wait for the next vsync. The sections out of
// view (the charts below the fold) are redrawn in a task after that frame;
// their time is not counted in the first figure, by design.
import { launch, serve } from '../tests/page/browser.mjs';

const SAMPLES = Number(process.env.SAMPLES ?? 150);
const FIELDS = ['#f-revenue-aiGrowth-0', '#f-fxRmbPerUsd', '#f-tokens-utilization'];

const server = await serve();
const browser = await launch(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.locator('html:not(.prerendered) #status').filter({ hasText: /^Cumulative/ }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  for (const field of FIELDS) {
    const withAnalysis = field === FIELDS[0];
    const events = [];
    const collected = (({ value }) => events.push(...value));
    cdp.on('Tracing.dataCollected', collected);
    const complete = new Promise((resolve) => { cdp.once('Tracing.tracingComplete', resolve); });
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.frame,blink.user_timing', transferMode: 'ReportEvents' });
    await page.evaluate(async ([selector, samples, analysed]) => {
      const input = document.querySelector(selector);
      const original = input.value;
      const values = [String(Number(original) + 1), original];
      const section = document.getElementById('likely');
      const settle = () => new Promise((resolve) => { setTimeout(resolve, 40); });
      for (let i = 0; i < samples + 10; i += 1) {
        await settle();
        input.value = values[i % 2];
        performance.mark(i < 10 ? 'warm-up' : 'input');
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        if (analysed) {
          await new Promise((resolve) => {
            const done = () => {
              if (section.getAttribute('aria-busy') !== 'false') return false;
              performance.mark('analysed');
              resolve();
              return true;
            };
            if (done()) return;
            const seen = new MutationObserver(() => done() && seen.disconnect());
            seen.observe(section, { attributes: true, attributeFilter: ['aria-busy'] });
          });
        }
      }
      input.value = original;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await settle();
    }, [field, SAMPLES, withAnalysis]);
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collected);
    const marks = events.filter((e) => e.cat.includes('user_timing') && ['input', 'analysed'].includes(e.name)).sort((a, b) => a.ts - b.ts);
    const main = marks[0].tid;
    const frames = events.filter((e) => e.name === 'DrawFrame').map((e) => e.ts).sort((a, b) => a - b);
    const frameAfter = (ts) => frames.find((frame) => frame > ts);
    const inputs = events.filter((e) => e.tid === main && e.name === 'EventDispatch' && e.args?.data?.type === 'input');
    const rows = [];
    marks.forEach((mark, i) => {
      if (mark.name !== 'input') return;
      const handler = inputs.find((e) => e.ts >= mark.ts);
      const frame = frameAfter(handler.ts + handler.dur);
      const analysed = marks[i + 1]?.name === 'analysed' ? frameAfter(marks[i + 1].ts) : undefined;
      if (frame) rows.push({ frame: (frame - mark.ts) / 1000, handler: handler.dur / 1000, analysed: analysed && (analysed - mark.ts) / 1000 });
    });
    const summary = (values) => {
      values.sort((a, b) => a - b);
      const at = (p) => values[Math.ceil(p * values.length) - 1].toFixed(1);
      return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
    };
    console.log(`${field.padEnd(26)} input to next frame: ${summary(rows.map((row) => row.frame))} (${rows.length} edits)`);
    console.log(`${''.padEnd(26)} the input handler:   ${summary(rows.map((row) => row.handler))}`);
    if (withAnalysis) console.log(`${''.padEnd(26)} input to How likely? drawn: ${summary(rows.map((row) => row.analysed).filter(Boolean))}`);
  }
} finally {
  await browser.close();
  server.stop();
}
