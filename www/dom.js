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

/**
 * Makes the children of `target` equal to `nodes` (built fresh and not in
 * the document), keeping the nodes it has wherever the kind matches and
 * writing only the attributes and text that differ: what did not change is
 * left alone by style, layout and paint. For output only (no form controls,
 * no listeners on the nodes).
 */
export function patchChildren(target, nodes) {
  const old = [...target.childNodes];
  nodes.forEach((node, index) => {
    const have = old[index];
    if (!have) target.append(node);
    else if (have.isEqualNode(node)) return; // native, and most of a redraw
    else if (have.nodeName === node.nodeName && have.namespaceURI === node.namespaceURI) patchNode(have, node);
    else have.replaceWith(node);
  });
  for (const extra of old.slice(nodes.length)) extra.remove();
}

/** Writes into `have` what differs in `node`, a node of the same kind. */
function patchNode(have, node) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    if (have.nodeValue !== node.nodeValue) have.nodeValue = node.nodeValue;
    return;
  }
  for (const { name } of [...have.attributes]) {
    if (!node.hasAttribute(name)) have.removeAttribute(name);
  }
  for (const { name, value } of node.attributes) {
    if (have.getAttribute(name) !== value) have.setAttribute(name, value);
  }
  patchChildren(have, [...node.childNodes]);
}
