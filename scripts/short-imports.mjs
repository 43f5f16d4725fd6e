// Gives the imports of a wasm-bindgen module short names, in the module and
// in its glue alike: wasm-bindgen names each import after what it calls
// with a hash (`__wbg_call_792794681877a9ea`), written once in the module's
// import section and once as a key of the glue's imports object, under the
// module name `./aicloud_scenario_bg.js`. Hex hashes hardly compress, and
// the page's and the widget's cores each have about thirty imports: short
// names (`_0`, `_1`, …; the module `_`) save about 1 KB gzipped of each.
// Only the names change: no code is touched, and a name left behind in one
// file would make the module fail to instantiate, which every test would see.
//
//   node scripts/short-imports.mjs <glue.js> <module.wasm>   (both rewritten in place)
//
// The glue must write each import's name and the module's name exactly
// once, as a whole word (the glue of wasm-bindgen 0.2.130 does); otherwise
// the script fails and changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const IMPORT_SECTION = 2;

/** An unsigned LEB128 at `at` in `bytes`: `[value, the offset after it]`. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at];
    if (byte === undefined) throw new Error('the module ends inside a number');
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}

/** `value` as an unsigned LEB128. */
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const encodeName = (name) => Buffer.concat([encodeLeb(Buffer.byteLength(name)), Buffer.from(name)]);

/** The offset after an import's description (what it imports: a function, table, memory, global or tag) at `at`. */
function afterDescription(bytes, at) {
  const kind = bytes[at];
  at += 1;
  const limits = (from) => {
    const flags = bytes[from];
    let [, next] = leb(bytes, from + 1);
    if (flags & 1) [, next] = leb(bytes, next);
    return next;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // a function: its type's index
    case 1: return limits(at + 1); // a table: its element type, its limits
    case 2: return limits(at); // a memory: its limits
    case 3: return at + 2; // a global: its value type, mutable or not
    case 4: return leb(bytes, at + 1)[1]; // a tag: its attribute, its type's index
    default: throw new Error(`an import of unknown kind ${kind}`);
  }
}

/**
 * `wasm` with every import renamed by `rename(module, name)`, which returns
 * `[module, name]`; the rest of the module byte for byte as it was.
 */
export function renameImports(wasm, rename) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== IMPORT_SECTION) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, cursor] = leb(wasm, start);
    const entries = [encodeLeb(count)];
    for (; count > 0; count -= 1) {
      const names = [];
      for (let i = 0; i < 2; i += 1) {
        const [length, from] = leb(wasm, cursor);
        names.push(wasm.subarray(from, from + length).toString('utf8'));
        cursor = from + length;
      }
      const described = afterDescription(wasm, cursor);
      const [module, name] = rename(...names);
      entries.push(encodeName(module), encodeName(name), wasm.subarray(cursor, described));
      cursor = described;
    }
    if (cursor !== end) throw new Error('the import section does not end where its size says');
    const content = Buffer.concat(entries);
    parts.push(Buffer.from([id]), encodeLeb(content.length), content);
    at = end;
  }
  return Buffer.concat(parts);
}

/** The names of a module's imports: `{module, names}`, one module name expected. */
function importsOf(wasm) {
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  const modules = [...new Set(imports.map((entry) => entry.module))];
  if (modules.length !== 1) throw new Error(`imports from ${modules.length} modules, not one`);
  return { module: modules[0], names: [...new Set(imports.map((entry) => entry.name))] };
}

/** `text` with the whole word `from` (written once) replaced by `to`. */
function replaceOnce(text, from, to) {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, 'g');
  const found = text.match(word)?.length ?? 0;
  if (found !== 1) throw new Error(`the glue writes ${from} ${found} times, not once`);
  return text.replace(word, to);
}

/** The glue and the module with short import names: `{glue, wasm}`. */
export function shortImports(glue, wasm) {
  const { module, names } = importsOf(wasm);
  const short = new Map(names.map((name, index) => [name, `_${index.toString(36)}`]));
  let text = replaceOnce(glue, JSON.stringify(module), '"_"');
  for (const [name, to] of short) text = replaceOnce(text, name, to);
  return { glue: text, wasm: renameImports(wasm, (_, name) => ['_', short.get(name)]) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [gluePath, wasmPath] = process.argv.slice(2);
  if (!gluePath || !wasmPath) {
    console.error('usage: node scripts/short-imports.mjs <glue.js> <module.wasm>');
    process.exit(2);
  }
  const { glue, wasm } = shortImports(readFileSync(gluePath, 'utf8'), readFileSync(wasmPath));
  writeFileSync(gluePath, glue);
  writeFileSync(wasmPath, wasm);
}
