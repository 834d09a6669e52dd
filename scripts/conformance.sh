#!/usr/bin/env bash
# Runs the Autobahn|Testsuite fuzzing client against a WebSocket echo endpoint
# and prints one line per case section, then "N passed, N failed".
#
#   scripts/conformance.sh [--plain] [--cases PATTERN] [--setup-only] [URL]
#
# URL defaults to wss://127.0.0.1:$PORT/echo (ws:// with --plain; PORT
# defaults to 8443). PATTERN selects cases the way wstest does ("*", "1.*",
# "12.1.1"); only selected cases are counted. TLS certificates are not
# verified: the suite's client checks them only when given a hostname, and
# the point here is the WebSocket protocol, not our CA. Reports land in
# .build/autobahn/run/reports (index.html for people). Exits 1 if any
# case failed.
#
# Autobahn 25.10.1 runs on Python 2.7 only: the tools live in a virtualenv
# under .build/autobahn (made from pyenv's 2.7.18 by virtualenv<20.22, the
# last release able to make Python 2 environments), with the versions its
# metadata pins, because its package lacks the requirements file.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/.build/autobahn"
python2="${PYTHON2:-$HOME/.pyenv/versions/2.7.18/bin/python}"

plain=0
cases="*"
setup_only=0
url=""
while [ $# -gt 0 ]; do
    case "$1" in
        --plain) plain=1 ;;
        --cases) cases="$2"; shift ;;
        --setup-only) setup_only=1 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        -*) echo "conformance.sh: unknown option $1" >&2; exit 2 ;;
        *) url="$1" ;;
    esac
    shift
done
if [ -z "$url" ]; then
    if [ "$plain" = 1 ]; then url="ws://127.0.0.1:${PORT:-8443}/echo"; else url="wss://127.0.0.1:${PORT:-8443}/echo"; fi
fi

setup() {
    # The stamp is written last, so an interrupted install is redone.
    if [ -f "$work/py2/installed" ]; then return; fi
    if [ ! -x "$python2" ]; then
        echo "conformance.sh: Python 2.7 not found at $python2 (set PYTHON2)" >&2
        exit 2
    fi
    mkdir -p "$work"
    python3 -m venv "$work/bootstrap"
    "$work/bootstrap/bin/pip" install --quiet 'virtualenv<20.22'
    rm -rf "$work/py2"
    "$work/bootstrap/bin/virtualenv" --quiet -p "$python2" "$work/py2"
    PIP_NO_PYTHON_VERSION_WARNING=1 "$work/py2/bin/pip" install --quiet \
        autobahntestsuite==25.10.1 \
        txaio==2.1.0 incremental==16.10.1 pyOpenSSL==19.1.0 cryptography==3.3.2 \
        Twisted==19.10.0 zope.interface==4.6.0 jinja2==2.11.3 markupsafe==1.1.1 \
        Werkzeug==1.0.1 klein==17.10.0 service_identity==18.1.0 unittest2==1.1.0 \
        six==1.16.0 'autobahn[accelerate,twisted]==0.10.9' setuptools==44.0.0
    touch "$work/py2/installed"
}

setup
if [ "$setup_only" = 1 ]; then exit 0; fi

case "$url" in
    ws://*|wss://*) ;;
    *) echo "conformance.sh: URL must start with ws:// or wss://, got $url" >&2; exit 2 ;;
esac

run="$work/run"
rm -rf "$run"
mkdir -p "$run"
# No "hostname" key: the suite then uses Twisted's ClientContextFactory,
# which encrypts without verifying the certificate.
cat > "$run/spec.json" <<SPEC
{
    "outdir": "./reports",
    "servers": [{"agent": "bayeux-edge", "url": "$url"}],
    "cases": ["$cases"],
    "exclude-cases": [],
    "exclude-agent-cases": {}
}
SPEC

echo "Autobahn fuzzing client against $url, cases $cases (all 517 take about 20 minutes)"
(cd "$run" && "$work/py2/bin/wstest" -m fuzzingclient -s spec.json > wstest.log 2>&1) || \
    echo "wstest exited with status $? (see $run/wstest.log)"

# The case list comes from the suite itself; cases absent from index.json
# (wstest stops after a refused connection) count as failed.
"$work/py2/bin/python" - "$run/spec.json" "$run/reports/index.json" <<'SUMMARY'
import json, os, sys
from autobahntestsuite.case import Cases, CaseCategories, CaseSubCategories, CaseSetname, CaseBasename
from autobahntestsuite.caseset import CaseSet

spec = json.load(open(sys.argv[1]))
case_set = CaseSet(CaseSetname, CaseBasename, Cases, CaseCategories, CaseSubCategories)
case_ids = case_set.parseSpecCases(spec)
results = {}
if os.path.exists(sys.argv[2]):
    results = json.load(open(sys.argv[2])).get(spec["servers"][0]["agent"], {})

passing = ("OK", "NON-STRICT", "INFORMATIONAL")
sections = []
counts = {}
failures = []
for case_id in case_ids:
    section = case_id.split(".")[0]
    if section not in counts:
        sections.append(section)
        counts[section] = [0, 0]
    behavior = results.get(case_id, {}).get("behavior", "MISSING")
    if behavior in passing:
        counts[section][0] += 1
    else:
        counts[section][1] += 1
        failures.append((case_id, behavior, results.get(case_id, {}).get("behaviorClose", "")))

for section in sections:
    passed, failed = counts[section]
    print("%3s %-46s %4d passed, %4d failed" % (section, CaseCategories.get(section, ""), passed, failed))
for case_id, behavior, close in failures:
    print("  failed %-10s %s %s" % (case_id, behavior, close))
total_failed = len(failures)
print("%d passed, %d failed" % (len(case_ids) - total_failed, total_failed))
sys.exit(1 if total_failed else 0)
SUMMARY
