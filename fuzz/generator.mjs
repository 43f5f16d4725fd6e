// mulberry32: a small seeded generator of numbers in [0, 1), so that every
// case of a seeded test can be replayed from its seed. Used by the exports
// fuzzer (fuzz/exports.mjs) and the widget cores' test
// (tests/page/cores.test.mjs).

/** `{next, int, pick}` from `seed`: next() in [0, 1), int(n) in 0..n-1, pick(list) one of its entries. */
export function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}
