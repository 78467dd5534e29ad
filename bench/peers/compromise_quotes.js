// compromise_quotes.js — the peer for bench/quotes-eval: the npm
// `compromise` package's .quotations() over each text file, written in
// the prediction format of eval_quotes.py (content spans only; no cue,
// no source).  compromise reports UTF-16 offsets; they are converted to
// code points, the scorer's unit.
//   node compromise_quotes.js NODE_MODULES_DIR FILE... > pred.jsonl
'use strict';
const fs = require('fs');
const path = require('path');
const mod = require(path.join(process.argv[2], 'compromise'));
const nlp = mod.default || mod;

// code point index of each UTF-16 index of s
function cpIndex(s) {
  const map = new Uint32Array(s.length + 1);
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    map[i] = cp;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) map[++i] = cp;
    cp++;
  }
  map[s.length] = cp;
  return map;
}

for (const file of process.argv.slice(3)) {
  const text = fs.readFileSync(file, 'utf8');
  const map = cpIndex(text);
  const out = [];
  for (const q of nlp(text).quotations().json({ offset: true })) {
    const s = q.offset.start, e = q.offset.start + q.offset.length;
    if (e > s && e <= text.length) out.push({ source: [], cue: [], content: [[map[s], map[e]]] });
  }
  process.stdout.write(JSON.stringify({ doc: path.basename(file, '.txt'), attributions: out }) + '\n');
}
