// Reads a .cpuprofile (from `npm run bench -- --profile`, or node --cpu-prof) and prints where
// the time went: top functions by self time, and by total time for our own code.
//   node scripts/bench/profile-summary.mjs bench-results/profiles/board-page.cpuprofile [N]
import fs from "node:fs";

const [file, topArg = "25"] = process.argv.slice(2);
const top = Number(topArg);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample time per node (timeDeltas[i] belongs to samples[i]).
const self = new Map();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const label = (n) => {
  const f = n.callFrame;
  const where = f.url
    ? `${f.url.replace(/^.*\/(_next|node_modules|dist)\//, "$1/")}:${f.lineNumber + 1}`
    : "";
  return `${f.functionName || "(anonymous)"} ${where}`.trim();
};

const selfBy = new Map();
const totalBy = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const key = label(n);
  selfBy.set(key, (selfBy.get(key) ?? 0) + t);
  // Every distinct frame on the stack gets the sample once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    totalBy.set(k, (totalBy.get(k) ?? 0) + t);
  }
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${(t / 1000).toFixed(1).padStart(9)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print("self time", selfBy);
print("total time (inclusive)", totalBy);
