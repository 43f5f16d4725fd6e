export function __wbg_reset_state () {
    __wbg_instance_id++;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    if (typeof numBytesDecoded !== 'undefined') numBytesDecoded = 0;
    if (typeof WASM_VECTOR_LEN !== 'undefined') WASM_VECTOR_LEN = 0;
    __wbg_reinit_scheduled = false;
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
    wasm.__wbindgen_start();
}

/**
 * `{years, revenue, capex, tokens, warnings}`; throws an `Error` with `field`
 * for the first problem of the scenario or an output that does not fit.
 * @param {ScenarioInput} scenario
 * @returns {Projection}
 */
export function compute(scenario) {
    let ret;
    __wbg_call_guard();
    ret = wasm.compute(scenario);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Fragment text (without `#`) for a scenario, relative to `preset` (`base`
 * when omitted): `v=1&p=base&rev.ai=1,0.8`. Throws an `Error` with `field`
 * for the first problem of the scenario or an unknown preset.
 * @param {ScenarioInput} scenario
 * @param {PresetId} [preset]
 * @returns {string}
 */
export function encodeScenario(scenario, preset) {
    let deferred2_0;
    let deferred2_1;
    try {
        let ret;
        __wbg_call_guard();
        ret = wasm.encodeScenario(scenario, preset);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        __wbg_call_guard();
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * The audit trail of one output (contract 1.1): `{path, value, formula,
 * terms}` for an output path of `compute` (`revenue.cumulativeUsdBn[4]`,
 * `capex.npvRmbBn`), `terms` as `[{name, path, value}]`. Throws an `Error`
 * with `field` for the first problem of the scenario, then with `field`
 * `path` for a path that is not text or names no output (or an index past
 * the horizon), then as `compute`.
 * @param {ScenarioInput} scenario
 * @param {OutputPath} path
 * @returns {Explanation}
 */
export function explain(scenario, path) {
    let ret;
    __wbg_call_guard();
    ret = wasm.explain(scenario, path);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `[{path, key, kind, min, max, minOpen, maxOpen, range}]` for every field, in
 * the order of the model contract: what a form needs to build its inputs.
 * @returns {Field[]}
 */
export function fields() {
    let ret;
    __wbg_call_guard();
    ret = wasm.fields();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `[{id, label, rationale, scenario, notes, reported}]` for `base`, `bull`, `bear`.
 * @returns {Preset[]}
 */
export function presets() {
    let ret;
    __wbg_call_guard();
    ret = wasm.presets();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `{preset, scenario, warnings, problems}` from fragment text, never
 * throwing: the named preset with every field the link gives applied as
 * its text, bad values included, so that a page can show them with their
 * problems (`[{field, kind, message}]`, as `validate` lists them).
 * @param {string} text
 * @returns {LinkReading}
 */
export function readScenarioLink(text) {
    let ret;
    __wbg_call_guard();
    ret = wasm.readScenarioLink(text);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The reported years that lead into the scenario (`{baseFiscalYear,
 * baseRmbBn, revenueRmbBn, capexRmbBn, notes}`, figures as `[{fiscalYear,
 * value}]` in RMB bn), or null when the scenario has another base fiscal
 * year or base revenue than the presets' reported figures. Throws an
 * `Error` with `field` for the first problem of the scenario.
 * @param {ScenarioInput} scenario
 * @returns {Reported | null}
 */
export function reportedYears(scenario) {
    let ret;
    __wbg_call_guard();
    ret = wasm.reportedYears(scenario);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Sensitivity (contract 1.1): `{base, rows}`, one row per input group,
 * the widest swing in cumulative US$ first. Options `{delta = 0.1}`.
 * Throws an `Error` with `field` for the first problem of the scenario or
 * the options.
 * @param {ScenarioInput} scenario
 * @param {SensitivityOptions} [options]
 * @returns {Sensitivity}
 */
export function sensitivity(scenario, options) {
    let ret;
    __wbg_call_guard();
    ret = wasm.sensitivity(scenario, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Monte Carlo over the scenario's uncertainty (contract 1.1):
 * `{samples, seed, probabilityHitTarget, hitByYear, cumulativeUsdBn,
 * npvRmbBn, probabilityNpvPositive, histogram, probabilityHitAnnualTarget,
 * annualUsdBn}`. Options `{samples = 10000, seed = 1}`. Throws an `Error`
 * with `field` for the first problem of the scenario or the options.
 * @param {ScenarioInput} scenario
 * @param {SimulateOptions} [options]
 * @returns {Simulation}
 */
export function simulate(scenario, options) {
    let ret;
    __wbg_call_guard();
    ret = wasm.simulate(scenario, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The certainty goal seek (contract 1.1): `{aiGrowthShift, probability,
 * beyond}` for options `{probability = 0.8, samples = 10000, seed = 1}`.
 * Throws an `Error` with `field` for the first problem of the scenario or
 * the options.
 * @param {ScenarioInput} scenario
 * @param {SolveProbabilityOptions} [options]
 * @returns {Certainty}
 */
export function solveProbability(scenario, options) {
    let ret;
    __wbg_call_guard();
    ret = wasm.solveProbability(scenario, options);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * `[{field, kind, message}]`: every problem of the scenario, empty when valid.
 * @param {ScenarioInput} scenario
 * @returns {Problem[]}
 */
export function validate(scenario) {
    let ret;
    __wbg_call_guard();
    ret = wasm.validate(scenario);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        _l: function(arg0) {
            const v = arg0;
            const ret = typeof(v) === 'boolean' ? v : undefined;
            return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
        },
        _h: function(arg0) {
            const ret = typeof(arg0) === 'bigint';
            return ret;
        },
        _m: function(arg0) {
            const ret = typeof(arg0) === 'function';
            return ret;
        },
        _g: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        _i: function(arg0) {
            const val = arg0;
            const ret = typeof(val) === 'object' && val !== null;
            return ret;
        },
        _j: function(arg0) {
            const ret = typeof(arg0) === 'string';
            return ret;
        },
        _k: function(arg0) {
            const ret = typeof(arg0) === 'symbol';
            return ret;
        },
        _n: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        _e: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        _d: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        _f: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        _3: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.apply(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        _5: function() { return handleError(function (arg0) {
            const ret = String.prototype.valueOf.call(arg0);
            return ret;
        }, arguments); },
        _4: function() { return handleError(function (arg0) {
            const ret = Number.prototype.valueOf.call(arg0);
            return ret;
        }, arguments); },
        _6: function() { return handleError(function (arg0) {
            const ret = Boolean.prototype.valueOf.call(arg0);
            return ret;
        }, arguments); },
        _2: function() { return handleError(function (arg0, arg1) {
            const ret = Reflect.get(arg0, arg1);
            return ret;
        }, arguments); },
        _0: function() { return handleError(function (arg0) {
            const ret = Array.isArray(arg0);
            return ret;
        }, arguments); },
        _7: function(arg0) {
            const ret = arg0.length;
            return ret;
        },
        _a: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        _8: function(arg0) {
            const ret = Array.of(arg0);
            return ret;
        },
        _b: function() { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        _c: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        _1: function() { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        _9: function() { return handleError(function (arg0, arg1) {
            const ret = arg0.toString(arg1);
            return ret;
        }, arguments); },
        _p: function(arg0) {
            // Cast intrinsic for `F64 -> Externref`.
            const ret = arg0;
            return ret;
        },
        _q: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        _o: function() {
            const table = wasm.__wbindgen_externrefs;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "_": import0,
    };
}

function __wbg_call_guard() {
    if (__wbg_reinit_scheduled) {
        __wbg_reset_state();
        return;
    }
}


let __wbg_instance_id = 0;

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

let __wbg_reinit_scheduled = false;

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('aicloud_scenario_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
