// dedup_peer.js — the npm `minhash` package (MinHash + LshIndex) on the
// same shingles crossread's bench scores: every report is inserted in an
// LshIndex (128 permutations, the package's default band size 4), then
// queried; a candidate whose MinHash Jaccard estimate reaches the
// threshold is reported as a near-duplicate pair.  The package has no
// exact verification step; the estimate is what it offers.
//   node dedup_peer.js SHINGLES.jsonl THRESHOLD > edges.jsonl
'use strict';
const fs = require('fs');
const path = require('path');
const { Minhash, LshIndex } = require(path.resolve(process.env.PEER_DIR || '.', 'node_modules', 'minhash'));
const [file, th] = process.argv.slice(2);
const t = parseFloat(th || '0.8');
const docs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const t0 = process.hrtime.bigint();
const index = new LshIndex();
const mh = new Map();
for (const d of docs) {
  const m = new Minhash();
  for (const s of d.shingles) m.update(s);
  mh.set(d.id, m);
  index.insert(d.id, m);
}
const out = [];
for (const d of docs) {
  const m = mh.get(d.id);
  for (const c of index.query(m)) {
    if (c <= d.id) continue;
    const j = m.jaccard(mh.get(c));
    if (j >= t) out.push(JSON.stringify({ a: d.id, b: c, kind: 'near', similarity: j }));
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
process.stderr.write(`peer: ${docs.length} docs in ${secs.toFixed(2)} s, ${(docs.length / secs).toFixed(0)} docs/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
