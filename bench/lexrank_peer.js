// bench/lexrank_peer.js — the npm `lexrank` package as a summary peer.
//
//   node bench/lexrank_peer.js WORDS < peer.jsonl > lexrank.txt
//
// Each input line is {"docs": [article, ...]}: the articles are joined into
// one text, ranked by lexrank.summarize, and the top sentences are taken in
// rank order while the total stays within WORDS (at least one sentence),
// then printed in text order: the same length budget crossread gets.
// NODE_PATH must reach the package (bench/summary-eval installs it into
// build/peers/).
'use strict';
const lexrank = require('lexrank');
const readline = require('readline');
const words = parseInt(process.argv[2] || '66', 10);
const out = [];
let n = 0;
const t0 = process.hrtime.bigint();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  const docs = JSON.parse(line).docs;
  let text = docs.join('\n\n');
  let summary = '';
  lexrank.summarize(text, 1000, (err, top) => {
    if (err || !top) return;
    const ranked = top.slice().sort((a, b) => b.weight - a.weight);
    const pick = [];
    let total = 0;
    for (const s of ranked) {
      const w = s.text.trim().split(/\s+/).length;
      if (pick.length && total + w > words) continue;
      pick.push(s);
      total += w;
    }
    pick.sort((a, b) => a.index - b.index);
    summary = pick.map((s) => s.text.trim()).join(' ');
  });
  out.push(summary.replace(/[\r\n]+/g, ' '));
  n++;
});
rl.on('close', () => {
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(`lexrank: ${n} events, ${secs.toFixed(2)} s: ${(n / secs).toFixed(0)} briefs/s, ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
});
