// Tells the reader, once per visit, that the core restarted after a trap
// (www/core.js): the notice in the page or the widget, `#restart-notice`,
// shown the first time and dismissed by its button.
import { onRestart } from './core.js';

/** Shows `notice` at the core's first restart; its button hides it for good. */
export function tellOnRestart(notice) {
  let told = false;
  onRestart(() => {
    if (told) return;
    told = true;
    notice.hidden = false;
  });
  notice.querySelector('button').addEventListener('click', () => { notice.hidden = true; });
}
