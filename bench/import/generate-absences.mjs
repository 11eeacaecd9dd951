#!/usr/bin/env node
// Generates a canonical-layout absence CSV for import benchmarks (no dependencies).
//
//   node bench/import/generate-absences.mjs --rows N --pupils P --seed S > file.csv
//   node bench/import/generate-absences.mjs --rows N --numbers FILE --seed S > file.csv
//
// --numbers: a file with one school pupil number per line (e.g. a demo school's pupils, so the
// import finds them); without it the pupils are numbered 100000, 100001, …
// Layout: leerlingnummer,datum,lesuur,soort,opmerking (LF line ends, UTF-8 without BOM).
// Dates are school days of school year 2026-2027 as in the default school calendar (17-08-2026 ..
// 09-07-2027, Mon-Fri), outside the holidays 17-25 okt 2026, 19 dec 2026 - 3 jan 2027,
// 20-28 feb 2027, 24 apr - 2 mei 2027, 13-14 mei (Hemelvaart) and 24 mei 2027 (Pinkstermaandag).
// (pupil, date, lesson hour) is unique: row i takes slot (a*i + b) mod M of all M = P x days x 12 slots,
// with a coprime to M, i.e. a permutation, so no memory grows with N. Output is deterministic per seed.
import { readFileSync, writeSync } from "node:fs";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= process.argv.length) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) {
    process.stderr.write(`--${name} verwacht een geheel getal\n`);
    process.exit(2);
  }
  return v;
}

const rows = arg("rows", 1000);
const numbersAt = process.argv.indexOf("--numbers");
const numbers =
  numbersAt > 0 && numbersAt + 1 < process.argv.length
    ? readFileSync(process.argv[numbersAt + 1], "utf8").split("\n").map((l) => l.trim()).filter(Boolean)
    : null;
const pupils = numbers ? numbers.length : arg("pupils", 1000);
const seed = arg("seed", 1);

const iso = (d) => d.toISOString().slice(0, 10);
const holidays = [
  ["2026-10-17", "2026-10-25"],
  ["2026-12-19", "2027-01-03"],
  ["2027-02-20", "2027-02-28"],
  ["2027-04-24", "2027-05-02"],
];
const publicHolidays = new Set(["2027-05-13", "2027-05-14", "2027-05-24"]);
const days = [];
for (let d = new Date(Date.UTC(2026, 7, 17)); d <= new Date(Date.UTC(2027, 6, 9)); d.setUTCDate(d.getUTCDate() + 1)) {
  const wd = d.getUTCDay();
  const s = iso(d);
  if (wd === 0 || wd === 6 || publicHolidays.has(s)) continue;
  if (holidays.some(([from, to]) => s >= from && s <= to)) continue;
  days.push(s);
}

const slots = BigInt(pupils) * BigInt(days.length) * 12n;
if (BigInt(rows) > slots) {
  process.stderr.write(`te veel rijen: maximaal ${slots} voor ${pupils} leerlingen\n`);
  process.exit(2);
}

// mulberry32: small deterministic PRNG
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const gcd = (x, y) => (y === 0n ? x : gcd(y, x % y));
let a = (BigInt(Math.floor(random() * 2 ** 32)) * 2654435761n) % slots || 1n;
while (gcd(a, slots) !== 1n) a = (a + 1n) % slots || 1n;
const b = BigInt(Math.floor(random() * 2 ** 32)) % slots;

const kinds = [
  [0.3, "te laat"],
  [0.65, "ziek"],
  [0.85, "ongeoorloofd"],
  [0.95, "geoorloofd"],
  [1.0, "verwijderd"],
];
const remarks = ["", "", "", "", "bus te laat", "tandarts", "\"verwijderd; storend gedrag\"",
  "\"ouder belde, koorts\"", "gesprek met mentor", "\"zei: \"\"wekker\"\"\"", "café bezoek", "financiële zaken"];

const out = [];
let size = 0;
function emit(line) {
  out.push(line);
  size += line.length;
  if (size > 1 << 20) flush();
}
function flush() {
  const buf = Buffer.from(out.join(""), "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
  }
  out.length = 0;
  size = 0;
}

emit("leerlingnummer,datum,lesuur,soort,opmerking\n");
const perPupil = BigInt(days.length) * 12n;
for (let i = 0; i < rows; i++) {
  const slot = (a * BigInt(i) + b) % slots;
  const pupil = Number(slot / perPupil);
  const rest = Number(slot % perPupil);
  const r = random();
  const kind = kinds.find(([p]) => r < p)[1];
  const remark = remarks[Math.floor(random() * remarks.length)];
  emit(`${numbers ? numbers[pupil] : 100000 + pupil},${days[Math.floor(rest / 12)]},${(rest % 12) + 1},${kind},${remark}\n`);
}
flush();
