#!/usr/bin/env node
// Summarizes one conformance run written by tools/conformance/run.sh.
//
//   node summarize.mjs RESULTS_DIR [--exclude-prefix PREFIX]... [--exclude-not-scored] [--json]
//
// RESULTS_DIR is OUTDIR/MODE (the suite's -o directory). The sibling log
// OUTDIR/MODE.log is read as well when present.
//
// Sources, per scenario:
//  * RESULTS_DIR/**/checks.json (written by both suite versions as
//    <RESULTS_DIR>/server-<scenario>-<ISO timestamp with :. -> ->/checks.json;
//    a JSON array of checks {id,name,description,status,errorMessage?,...},
//    status one of SUCCESS | FAILURE | WARNING | INFO | SKIPPED).
//    If a scenario ran more than once, the newest directory wins.
//  * The log's "=== SUMMARY ===" lines ("✓|✗ <scenario>: N passed, M failed")
//    for scenarios that have no checks.json (the suite crashed inside the
//    scenario: it then counts one synthetic FAILURE and writes no file), or
//    for everything if there are no checks.json files at all (warnings are
//    then unknown and reported as 0).
//  * alpha.12 --requirements logs: the "Not scored for <rev>: ..." block marks
//    scenarios that never affect conformance (extension, pending,
//    added-after-release); --exclude-not-scored excludes them.
//
// Output (stdout), one line per scenario in run order, then a final total:
//   <scenario> passed=N failed=M warnings=W[ excluded]
//   TOTAL passed=N failed=M
// TOTAL passed counts every scenario; TOTAL failed only non-excluded ones.
// Details of every FAILURE (and WARNING) check go to stderr as
//   FAIL <scenario> <check-id>: <errorMessage or description>
// Exit: 0 = no FAILURE in any non-excluded scenario, 1 = some, 2 = usage / no results.
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const excludePrefixes = [];
let dir = null;
let excludeNotScored = false;
let asJson = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--exclude-prefix') {
    if (argv[i + 1] === undefined) usage('--exclude-prefix needs a value');
    excludePrefixes.push(argv[++i]);
  } else if (a.startsWith('--exclude-prefix=')) excludePrefixes.push(a.slice('--exclude-prefix='.length));
  else if (a === '--exclude-not-scored') excludeNotScored = true;
  else if (a === '--json') asJson = true;
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (dir === null) dir = a;
  else usage(`unexpected argument ${a}`);
}
if (dir === null) usage('missing RESULTS_DIR');

function usage(msg) {
  console.error(`summarize.mjs: ${msg}`);
  console.error('usage: node summarize.mjs OUTDIR/MODE [--exclude-prefix PREFIX]... [--exclude-not-scored] [--json]');
  process.exit(2);
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const TS_SUFFIX = /-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)$/;

function findChecksFiles(root) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name === 'checks.json') out.push(p);
    }
  };
  if (fs.existsSync(root) && fs.statSync(root).isDirectory()) walk(root);
  return out;
}

// scenario -> { passed, failed, warnings, failures:[{id,msg,status}], source, order, notScored? }
const scenarios = new Map();

// 1) checks.json files
const newest = new Map(); // scenario -> {ts, file}
for (const file of findChecksFiles(dir)) {
  const rel = path.relative(dir, path.dirname(file)).split(path.sep).join('/');
  let name = rel;
  let ts = '';
  const m = TS_SUFFIX.exec(name);
  if (m) { ts = m[1]; name = name.slice(0, m.index); }
  if (name.startsWith('server-')) name = name.slice('server-'.length);
  const prev = newest.get(name);
  if (!prev || ts > prev.ts) newest.set(name, { ts, file });
}
for (const [name, { ts, file }] of newest) {
  let checks;
  try {
    checks = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(checks)) throw new Error('not an array');
  } catch (e) {
    scenarios.set(name, { passed: 0, failed: 1, warnings: 0, failures: [{ id: 'checks.json', status: 'FAILURE', msg: `unreadable ${file}: ${e.message}` }], source: 'checks.json', ts });
    continue;
  }
  const count = (s) => checks.filter((c) => c.status === s).length;
  scenarios.set(name, {
    passed: count('SUCCESS'),
    failed: count('FAILURE'),
    warnings: count('WARNING'),
    failures: checks
      .filter((c) => c.status === 'FAILURE' || c.status === 'WARNING')
      .map((c) => ({ id: c.id, status: c.status, msg: (c.errorMessage || c.description || '').replace(/\s+/g, ' ') })),
    source: 'checks.json',
    ts,
  });
}

// 2) the log: run order, crashed scenarios, not-scored block
const logFile = dir.replace(/[\\/]+$/, '') + '.log';
const order = [];
if (fs.existsSync(logFile)) {
  const lines = stripAnsi(fs.readFileSync(logFile, 'utf8')).split(/\r?\n/);
  let inSummary = false;
  let inNotScored = false;
  for (const line of lines) {
    const run = /^=== Running scenario: (.+) ===$/.exec(line);
    if (run) { if (!order.includes(run[1])) order.push(run[1]); continue; }
    if (line === '=== SUMMARY ===') { inSummary = true; continue; }
    if (/^Total: \d+ passed, \d+ failed/.test(line)) { inSummary = false; continue; }
    if (inSummary) {
      const s = /^[✓✗] (.+): (\d+) passed, (\d+) failed$/.exec(line);
      if (s) {
        const [, name, p, f] = s;
        if (!order.includes(name)) order.push(name);
        if (!scenarios.has(name)) {
          scenarios.set(name, { passed: +p, failed: +f, warnings: 0, failures: +f > 0 ? [{ id: '(from log)', status: 'FAILURE', msg: 'no checks.json; see log' }] : [], source: 'log' });
        }
      }
      continue;
    }
    if (/^Not scored for \S+: /.test(line)) { inNotScored = true; continue; }
    if (inNotScored) {
      const n = /^ {2}[✓✗] (\S+) \((.+)\)$/.exec(line);
      if (n) {
        const sc = scenarios.get(n[1]);
        if (sc) sc.notScored = n[2];
        continue;
      }
      inNotScored = false;
    }
  }
}

if (scenarios.size === 0) {
  console.error(`summarize.mjs: no checks.json under ${dir} and no summary in ${logFile}`);
  process.exit(2);
}

// run order: as in the log, then any remaining by checks.json timestamp
const names = [...order.filter((n) => scenarios.has(n))];
const rest = [...scenarios.keys()].filter((n) => !names.includes(n))
  .sort((a, b) => (scenarios.get(a).ts || '').localeCompare(scenarios.get(b).ts || '') || a.localeCompare(b));
names.push(...rest);

let totalPassed = 0;
let totalFailed = 0;
let anyFailure = false;
const rows = [];
for (const name of names) {
  const s = scenarios.get(name);
  const excluded = excludePrefixes.some((p) => name.startsWith(p)) || (excludeNotScored && s.notScored !== undefined);
  totalPassed += s.passed;
  if (!excluded) {
    totalFailed += s.failed;
    if (s.failed > 0) anyFailure = true;
  }
  rows.push({ scenario: name, passed: s.passed, failed: s.failed, warnings: s.warnings, excluded, notScored: s.notScored ?? null, source: s.source, failures: s.failures });
  if (!asJson) console.log(`${name} passed=${s.passed} failed=${s.failed} warnings=${s.warnings}${excluded ? ' excluded' : ''}`);
  for (const f of s.failures) console.error(`${f.status === 'FAILURE' ? 'FAIL' : 'WARN'} ${name} ${f.id}: ${f.msg}`);
}
if (asJson) console.log(JSON.stringify({ scenarios: rows, total: { passed: totalPassed, failed: totalFailed } }));
else console.log(`TOTAL passed=${totalPassed} failed=${totalFailed}`);
process.exit(anyFailure ? 1 : 0);
