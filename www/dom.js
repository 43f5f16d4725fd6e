// Building DOM nodes without markup strings: user-controlled text only ever
// becomes text nodes or attribute values, never HTML.

/** A DOM element with attributes and children (text or nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/**
 * In-page links under `root` (`<a href="#results">`, skip links, a problem's
 * link to its field) move focus and scroll to their target without touching
 * the URL fragment, which holds the scenario.
 */
export function followInPageLinks(root) {
  root.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href^="#"]');
    const target = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!target) return;
    event.preventDefault();
    const field = target.matches('input, select, textarea');
    if (!field && !target.matches('button, a[href], [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    // A field in the middle of the screen, with its label and note; a section from its top.
    target.scrollIntoView({ block: field ? 'center' : 'start' });
  });
}
