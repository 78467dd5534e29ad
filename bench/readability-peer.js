// readability-peer.js — the peer of bench/extract-eval: Mozilla's
// readability.js on jsdom over the same pages.
//   node bench/readability-peer.js PRED.json FILE...
// Writes {id: {"articleBody", "title", "author", "date"}} and prints pages/s,
// MB/s of HTML (CPU time of this process) and peak RSS.
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const peers = process.env.PEERS_DIR;
const { JSDOM, VirtualConsole } = require(path.join(peers, 'node_modules/jsdom'));
const { Readability } = require(path.join(peers, 'node_modules/@mozilla/readability'));

const [out, ...files] = process.argv.slice(2);
const pred = {};
let cpu = 0, bytes = 0, pages = 0, failed = 0;
const vc = new VirtualConsole(); // silence CSS/script errors
for (const f of files) {
  let buf = fs.readFileSync(f);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  bytes += buf.length;
  const id = path.basename(f).replace(/\.gz$/, '').replace(/\.html?$/, '');
  const t0 = process.cpuUsage();
  let art = null;
  try {
    const dom = new JSDOM(buf, { virtualConsole: vc, url: 'https://example.org/' });
    art = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch (e) { art = null; }
  const t = process.cpuUsage(t0);
  cpu += (t.user + t.system) / 1e6;
  pages++;
  if (!art) { failed++; pred[id] = { articleBody: '' }; continue; }
  pred[id] = { articleBody: art.textContent || '', title: art.title || null,
               author: art.byline || null, date: art.publishedTime || null };
}
fs.writeFileSync(out, JSON.stringify(pred));
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`readability  pages ${pages}  failed ${failed}  cpu ${cpu.toFixed(2)}s  ` +
  `pages/s ${(pages / cpu).toFixed(1)}  MB/s ${(bytes / 1e6 / cpu).toFixed(2)}  ` +
  `peak RSS ${rss.toFixed(1)} MB`);
