#!/usr/bin/env bash
# Runs every benchmark in bench/ (each bench/*.ts with a main; `_*.ts` scratch files and *.test.ts are
# skipped), one after another, each under a time limit, then prints a summary table from the JSON
# reports they wrote (bench/reports/<name>.json). Arguments pass through to every bench (--quick).
#   npm run bench [-- --quick]          BENCH_TIME_LIMIT=<seconds per bench> (default 1800, 900 with --quick)
#   BENCH_ONLY="match presence" npm run bench   runs just those
# Logs: test-results/bench-<name>.log. Exit status 1 when a bench failed or ran out of time.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure.sh
ensure_node
ensure_npm_packages

quick=0
for a in "$@"; do [ "$a" = "--quick" ] && quick=1; done
limit=${BENCH_TIME_LIMIT:-$([ $quick -eq 1 ] && echo 900 || echo 1800)}
mkdir -p bench/reports test-results
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0

for file in bench/*.ts; do
  name=$(basename "$file" .ts)
  case "$name" in _*|*.test) continue ;; esac
  if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" $name "* ]]; then continue; fi
  echo
  echo "=== bench $name (limit ${limit}s) $*"
  started=$(date +%s)
  timeout --kill-after=30 "$limit" node --import tsx "$file" "$@" 2>&1 | tee "test-results/bench-$name.log"
  rc=${PIPESTATUS[0]}
  took=$(( $(date +%s) - started ))
  case $rc in
    0) state=ok ;;
    124|137) state=timeout; status=1 ;;
    *) state="failed($rc)"; status=1 ;;
  esac
  printf '%s\t%s\t%s\t%s\n' "$name" "$state" "$took" "$started" >> "$results"
done

echo
echo "=== summary (bench/reports/*.json)"
node - "$results" <<'EOF'
const fs = require('node:fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
// The key numbers of a report: its `summary` object if it has one, else scalar fields of
// results/comparison/systems, flattened one level, at most 10.
const scalar = (v) => ['number', 'boolean', 'string'].includes(typeof v);
const fmt = (v) => (typeof v !== 'number' ? String(v) : Number.isInteger(v) || Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : String(Number(v.toPrecision(4))));
function keyNumbers(report) {
  const out = [];
  const take = (obj, prefix = '') => {
    for (const [k, v] of Object.entries(obj ?? {})) {
      if (out.length >= 10) return;
      if (scalar(v)) out.push(`${prefix}${k}=${fmt(v)}`);
      else if (v && typeof v === 'object' && !Array.isArray(v) && !prefix) {
        for (const [k2, v2] of Object.entries(v)) if (scalar(v2) && out.length < 10) out.push(`${k}.${k2}=${fmt(v2)}`);
      }
    }
  };
  if (report.summary) take(report.summary, ' ');
  else take(report.results ?? report.comparison ?? report.systems ?? {});
  return out.map((s) => s.trim()).join('  ');
}
const lines = [['bench', 'status', 'time', 'key results']];
for (const [name, state, took, started] of rows) {
  const path = `bench/reports/${name}.json`;
  let keys = '(no report)';
  if (fs.existsSync(path)) {
    const fresh = fs.statSync(path).mtimeMs / 1000 >= Number(started);
    try {
      keys = (fresh ? '' : '(stale report) ') + keyNumbers(JSON.parse(fs.readFileSync(path, 'utf8')));
    } catch (err) {
      keys = `(unreadable report: ${err.message})`;
    }
  }
  lines.push([name, state, `${took}s`, keys]);
}
const width = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i].length)));
for (const l of lines) console.log(`${l[0].padEnd(width[0])}  ${l[1].padEnd(width[1])}  ${l[2].padStart(width[2])}  ${l[3]}`);
EOF
exit $status
