// Turns an ES module of www/ and the relative modules it imports into one
// classic script, for the embed: a sandboxed iframe has an opaque origin, so
// a static server refuses its module scripts (they are CORS requests), while
// classic <script src> loads.
//
//   node scripts/bundle.mjs www/embed.js <dir>/widget.js
//
// With --module, into one ES module instead, for the page (www/page.js, of
// www/main.js): one request and one gzip stream instead of twenty, 5.9 KB
// less gzipped. The modules named after --module stay modules of their own,
// which the bundle imports (core.js and i18n.js, which the analysis worker
// imports too, so that neither is downloaded twice); the bundle is served
// beside the entry, so that its relative URLs (the worker's, the service
// worker's) stay right. A module loaded on demand must be imported by one
// of those (the message tables: by i18n.js).
//
//   node scripts/bundle.mjs www/main.js <dir>/page.js --module www/core.js www/i18n.js
//
// It handles the one style www/ is written in, and fails loudly on anything
// else: single-line `import { a, b as c } from './x.js';` (relative paths),
// `(await import('./x.js'))` (a module loaded on demand), `export
// function|class|const|let|async function name`, and `export { a, b };`.
// The core, `../pkg-page/aicloud_scenario.js` (the page's), becomes the
// global `wasm_bindgen` of wasm-bindgen's no-modules build, in a script
// beside the bundle that the bundle adds itself (scripts/embed-core.mjs;
// the widget has two, with and without the analysis): its `init` default
// export becomes `init(script)`,
// which adds that script and resolves when its core is ready, and a
// namespace import of it reads `wasm_bindgen` at each use, so that it can be
// taken before the core has loaded. (Named imports would be read before
// it has, and are refused.)
// Each module runs in its own function scope; the entry module, and a module
// that loads one on demand, may use top-level await (they run in async
// functions, which the bundle awaits in order). A module's function returns
// only the exports that some module imports (a page-only export of a shared
// module is left out), so the minifier drops the rest as dead code; an
// import of a name that its module does not export fails the bundle.
//
// A module loaded on demand is not in the bundle (the Chinese messages: an
// English reader's widget does not download them). It is written beside the
// bundle as its own classic script, with the modules only it imports, named
// by its path from the entry's directory (`www/messages/zh.js` ->
// `<dir>/messages-zh.js`). The bundle loads it at the `await` by adding a
// `<script src>` whose URL is relative to the bundle's own (read from
// `document.currentScript` while the bundle first runs; the sandbox's CSP,
// `script-src 'self'`, lets it load), or from the URL of a preload link of
// the page that names the module (`data-module`: another script that gives
// it, as the widget's table with or without the analysis' words); the
// script gives its modules to the bundle's registry through the one global
// `aicloud-scenario:define`, and the `await` gives the module, or throws if
// the script failed to load. An on-demand module may not also be imported,
// load another on demand, or share a module with another one that the
// bundle does not carry; the modules of the bundle it imports must come
// before the one that loads it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORE = 'pkg-page/aicloud_scenario.js';

const IMPORT = /^import\s+(?:(\w+)\s*,\s*)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))?\s*from\s+'([^']+)';\s*$/;
const EXPORT_DECLARATION = /^export\s+((?:async\s+)?function\*?|class|const|let)\s+(\w+)/;
const EXPORT_LIST = /^export\s*\{([^}]*)\};\s*$/;
/** `(await import('./x.js'))`, a module loaded on demand: its own script, which the bundle adds. */
const DYNAMIC_IMPORT = /\(await import\('(\.[^']+)'\)\)/g;
/** The global through which a script loaded on demand gives its modules to the bundle's registry. */
export const DEFINE = JSON.stringify('aicloud-scenario:define');

function fail(file, line, why) {
  throw new Error(`${relative(root, file)}: ${why}: ${line}`);
}

/** `a, b as c` -> `a, b: c` (import) and the exported names of `a, b as c` (export). */
const bindings = (list) => list.split(',').map((item) => item.trim()).filter(Boolean)
  .map((item) => item.split(/\s+as\s+/));

/**
 * Reads a module: its code with imports and exports rewritten, its
 * dependencies (and the names it imports from each; an import of one of
 * `externals` is no dependency), the modules it loads on demand, its
 * exports, and whether it imports the core.
 */
function load(file, externals) {
  // An import or export list over several lines is read as one line.
  const lines = readFileSync(file, 'utf8')
    .replace(/^(import \{|import [\w$]+, \{|export \{)[^}]*\}[^;\n]*;/gm, (statement) => statement.replace(/\s*\n\s*/g, ' '))
    .split('\n');
  const dependencies = [];
  const imported = []; // [module, the names it imports from it, or null for all]
  const onDemand = [];
  const exported = [];
  let core = false; // whether it imports the core (the no-modules global of a classic bundle)
  const body = lines.map((source) => {
    const line = source.replace(DYNAMIC_IMPORT, (_, specifier) => {
      const target = relative(root, resolve(dirname(file), specifier));
      onDemand.push(join(root, target));
      return `(await onDemand(${JSON.stringify(target)}))`;
    });
    if (/\bimport\s*\(/.test(line)) fail(file, source, 'unsupported dynamic import');
    if (/^import\b/.test(line)) {
      const match = IMPORT.exec(line);
      if (!match) fail(file, line, 'unsupported import');
      const [, defaultName, named, namespace, specifier] = match;
      const target = relative(root, resolve(dirname(file), specifier));
      if (target === CORE) {
        core = true;
        const parts = [];
        if (named) fail(file, line, 'named imports of the core, which loads after the bundle runs');
        if (defaultName) parts.push(`const ${defaultName} = (script) => addScript(new URL(script, here)).then(() => wasm_bindgen.ready);`);
        if (namespace) parts.push(`const ${namespace} = new Proxy({}, { get: (_, key) => wasm_bindgen[key] });`);
        return parts.join(' ');
      }
      if (!specifier.startsWith('.') || defaultName) fail(file, line, 'only named imports of relative modules');
      if (!externals.has(join(root, target))) dependencies.push(join(root, target));
      imported.push([join(root, target), namespace ? null : bindings(named).map(([name]) => name)]);
      const source = `modules[${JSON.stringify(target)}]`;
      return namespace
        ? `const ${namespace} = ${source};`
        : `const { ${bindings(named).map(([a, b]) => (b ? `${a}: ${b}` : a)).join(', ')} } = ${source};`;
    }
    const declaration = EXPORT_DECLARATION.exec(line);
    if (declaration) {
      exported.push([declaration[2], declaration[2]]);
      return line.replace(/^export\s+/, '');
    }
    const list = EXPORT_LIST.exec(line);
    if (list) {
      exported.push(...bindings(list[1]).map(([a, b]) => [a, b ?? a]));
      return '';
    }
    if (/^export\b/.test(line)) fail(file, line, 'unsupported export');
    return line;
  }).join('\n');
  return { body, dependencies, imported, onDemand, exported, core };
}

/**
 * The modules `entry` needs as `[file, module]`, each after its
 * dependencies, leaving out those in `carried` (a bundle's, for a module
 * loaded on demand by it).
 */
function ordered(entry, externals, carried = new Map()) {
  const seen = new Set();
  const order = [];
  const visit = (file) => {
    if (seen.has(file) || carried.has(file)) return;
    seen.add(file);
    const module = load(file, externals);
    module.dependencies.forEach(visit);
    order.push([file, module]);
  };
  visit(entry);
  return order;
}

const quoted = (file) => JSON.stringify(relative(root, file));

/**
 * A module's code, run in its own function; awaited when it loads a module
 * on demand. It returns only the exports some module imports (`used`: a
 * module -> the names imported from it, or null for all), so that the
 * minifier drops the others, and what only they call, as dead code.
 */
function defined(file, module, used) {
  const kept = used.get(file) === null ? module.exported : module.exported.filter(([, as]) => used.get(file)?.has(as));
  const exports = kept.map(([local, as]) => (local === as ? local : `${as}: ${local}`)).join(', ');
  const waits = module.onDemand.length > 0;
  return [`// ${relative(root, file)}${waits ? ' (waits for a module loaded on demand)' : ''}`,
    `modules[${quoted(file)}] = ${waits ? 'await (async () => {' : '(() => {'}`, module.body, `return { ${exports} };`, '})();'];
}

/**
 * The bundle of `entryPath`, written to `outPath`, and a script beside it
 * for each module loaded on demand: `{ [path]: text }`. With `external`
 * (paths), the bundle is an ES module instead, to be served beside the
 * entry, which imports those modules rather than carrying them.
 */
function bundle(entryPath, outPath, external = null) {
  const entry = resolve(entryPath);
  const externals = new Set((external ?? []).map((path) => resolve(path)));
  const main = ordered(entry, externals);
  const carried = new Map(main.map(([file], index) => [file, index]));
  const scripts = new Map(); // a module loaded on demand -> its script's name and modules
  const owner = new Map(); // a module in a script loaded on demand -> that script's module
  main.forEach(([file, module], index) => {
    for (const target of module.onDemand) {
      const specifier = relative(dirname(file), target);
      const why = (reason) => fail(file, `(await import('${specifier.startsWith('.') ? '' : './'}${specifier}'))`, reason);
      if (carried.has(target)) why('a module loaded on demand is also imported');
      if (!scripts.has(target)) {
        const name = relative(dirname(entry), target).split('/').join('-');
        if (name.startsWith('..') || name === basename(outPath)
          || [...scripts.values()].some((script) => script.name === name)) why(`no name for its script (${name})`);
        const modules = ordered(target, externals, carried);
        for (const [inner, innerModule] of modules) {
          if (innerModule.onDemand.length) why(`${relative(root, inner)} loads a module on demand in turn`);
          if (owner.has(inner)) why(`${relative(root, inner)} is shared with another module loaded on demand`);
          owner.set(inner, target);
        }
        scripts.set(target, { name, modules });
      }
      // The bundle's modules it imports must have run when it loads.
      for (const [, innerModule] of scripts.get(target).modules) {
        for (const dependency of innerModule.dependencies) {
          if (carried.get(dependency) >= index) why(`it imports ${relative(root, dependency)}, which runs after ${relative(root, file)}`);
        }
      }
    }
  });

  // The exports each module has imported from it, by the bundle or the scripts it loads on demand;
  // all of a module loaded on demand, which is used as a whole.
  const used = new Map([...scripts.keys()].map((target) => [target, null]));
  const all = new Map([...main, ...[...scripts.values()].flatMap(({ modules }) => modules)]);
  for (const [file, module] of all) {
    for (const [target, names] of module.imported.filter(([target]) => !externals.has(target))) {
      const missing = names?.find((name) => !all.get(target).exported.some(([, as]) => as === name));
      if (missing) fail(file, missing, `${relative(root, target)} does not export it`);
      if (names === null || used.get(target) === null) used.set(target, null);
      else used.set(target, new Set([...(used.get(target) ?? []), ...names]));
    }
  }

  if (external) return { [outPath]: moduleBundle(entry, main, used, externals) };
  const parts = [
    `// Generated by scripts/bundle.mjs from ${relative(root, entry)}: do not edit.`,
    '(async () => {',
    "'use strict';",
    'const modules = {};',
    '// The scripts this one adds are beside it; its URL is known only while it first runs.',
    'const here = document.currentScript.src;',
    '/** Adds the script at `url`; resolves once it has run. */',
    'const addScript = (url, what = url) => new Promise((resolve, reject) => {',
    "  const script = document.createElement('script');",
    '  script.src = url;',
    '  script.onload = () => resolve();',
    '  script.onerror = () => reject(new Error(`could not load ${what}`));',
    '  document.head.append(script);',
    '});',
  ];
  if (scripts.size) {
    const urls = [...scripts].map(([target, { name }]) => `${quoted(target)}: new URL(${JSON.stringify(name)}, document.currentScript.src)`);
    parts.push(
      // Written with document.currentScript.src, not `here`, which the minifier renames: scripts/assets.mjs
      // finds these scripts in the minified bundle by that text.
      '// The scripts of the modules loaded on demand.',
      `const scripts = { ${urls.join(', ')} };`,
      'const loading = {};',
      '/**',
      ' * A module loaded on demand: its script added once, which gives its modules to the global below;',
      ' * the script a preload of the page names for it (`<link rel="preload" data-module="www/x.js">`), else its own.',
      ' */',
      'const onDemand = (name) => loading[name] ??= (async () => {',
      '  const script = document.querySelector(`link[rel="preload"][data-module="${name}"]`)?.href ?? scripts[name];',
      '  await addScript(script, `${script}, the script of ${name}`);',
      '  if (!(name in modules)) throw new Error(`${script} did not define ${name}`);',
      '  return modules[name];',
      '})();',
      `globalThis[${DEFINE}] = (define) => define(modules);`,
    );
  }
  for (const [file, module] of main) {
    parts.push(...(file === entry ? [`// ${relative(root, file)}`, '(async () => {', module.body, '})();'] : defined(file, module, used)));
  }
  parts.push('})();', '');
  const files = { [outPath]: parts.join('\n') };
  for (const [target, { name, modules }] of scripts) {
    files[join(dirname(outPath), name)] = [
      `// Generated by scripts/bundle.mjs from ${relative(root, target)}, loaded on demand by ${basename(outPath)}: do not edit.`,
      `globalThis[${DEFINE}]((modules) => {`,
      "'use strict';",
      ...modules.flatMap(([file, module]) => defined(file, module, used)),
      '});',
      '',
    ].join('\n');
  }
  const sources = new Set([...carried.keys(), ...owner.keys()]);
  const overwritten = Object.keys(files).find((path) => sources.has(resolve(path)));
  if (overwritten) throw new Error(`${relative(root, resolve(overwritten))}: a module of the bundle would be overwritten by its output`);
  return files;
}

/**
 * The ES module bundle of `entry` (its modules `main`, in order): the
 * external modules imported as modules, the others each in its own
 * function as above, the entry's code last, in a block at the module's top
 * level (where it may await). A module loaded on demand must be imported
 * by an external module (the page's message tables: by i18n.js).
 */
function moduleBundle(entry, main, used, externals) {
  const imports = [...new Set(main.flatMap(([, module]) => module.imported.map(([target]) => target)))]
    .filter((target) => externals.has(target));
  const parts = [`// Generated by scripts/bundle.mjs from ${relative(root, entry)}: do not edit.`];
  imports.forEach((target, index) => parts.push(`import * as external${index} from './${relative(dirname(entry), target)}';`));
  parts.push(`const modules = { ${imports.map((target, index) => `${quoted(target)}: external${index}`).join(', ')} };`);
  for (const [file, module] of main) {
    if (module.onDemand.length) fail(file, module.onDemand.map((target) => relative(root, target)).join(', '), 'a module bundle loads no module on demand');
    if (module.core) fail(file, CORE, 'a module bundle imports the core through an external module');
    parts.push(...(file === entry ? [`// ${relative(root, file)}`, '{', module.body, '}'] : defined(file, module, used)));
  }
  parts.push('');
  return parts.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entryArgument, outArgument, flag, ...external] = process.argv.slice(2);
  if (!entryArgument || !outArgument || (flag !== undefined && flag !== '--module')) {
    console.error('usage: node scripts/bundle.mjs <entry.js> <out.js> [--module <external.js>...]');
    process.exit(2);
  }
  const files = bundle(entryArgument, outArgument, flag ? external : null);
  for (const [path, text] of Object.entries(files)) writeFileSync(path, text);
}
