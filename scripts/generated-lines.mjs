// The build writes some lines of committed files (the service worker's
// version and precache list, the page's preload line): each such line is
// found by how it starts and replaced whole; the rest of the file is left
// as written.

/**
 * `text` (a file's contents; `file` names it in errors) with the line
 * that starts with `start` replaced by `line`, given as `[start, line]`
 * pairs in `replacements`. Throws if a line is missing.
 */
export function replaceLines(text, file, replacements) {
  const lines = text.split('\n');
  for (const [start, line] of replacements) {
    const at = lines.findIndex((candidate) => candidate.startsWith(start));
    if (at < 0) throw new Error(`${file}: no line starting ${start}`);
    lines[at] = line;
  }
  return lines.join('\n');
}
