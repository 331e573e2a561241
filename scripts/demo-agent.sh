#!/usr/bin/env bash
# `make demo`, part two: the agent. Makes a throwaway git repository from manifests/runnable laid out as
# a fleet's (common/ for every host, hosts/HOSTNAME/ for this one), runs `virtsync run` on libvirt's
# in-process test:///default driver (its state lives in the agent's process), waits for the first
# reconcile, commits a change (the VM's memory 256MiB -> 384MiB, with restartPolicy: Graceful so the agent
# may restart the VM for it), waits for the agent to apply it on its 2 s poll, then stops it with SIGTERM
# and checks that it exited 0. Everything lives in one temp dir.
set -euo pipefail

virtsync=$(realpath "${1:-.build/debug/virtsync}")
examples=$(realpath "${2:-manifests/runnable}")
work=$(mktemp -d)
repo=$work/repo
state=$work/state
agent=""

cleanup() {
    if [ -n "$agent" ] && kill -0 "$agent" 2>/dev/null; then kill -KILL "$agent"; fi
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

fail() {
    echo "demo-agent: $*" >&2
    echo "--- the agent's log:" >&2
    cat "$work/agent.log" >&2 || true
    exit 1
}

# A port nobody listens on (bash's /dev/tcp connect fails), so two demos or a real agent do not clash.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    fail "no free port found on 127.0.0.1"
}

git_() { git -C "$repo" -c user.name="virtsync demo" -c user.email=demo@virtsync.invalid "$@"; }

# The agent's applied revision from its status file (empty until the first successful reconcile).
applied() {
    "$virtsync" status --state-dir "$state" --output json 2>/dev/null \
        | sed -n 's/^ *"lastAppliedRevision" *: *"\([^"]*\)".*/\1/p'
}

wait_applied() { # revision seconds
    local deadline=$((SECONDS + $2))
    until [ "$(applied)" = "$1" ]; do
        kill -0 "$agent" 2>/dev/null || fail "the agent exited early"
        [ "$SECONDS" -lt "$deadline" ] || fail "revision $1 not applied within $2 s"
        sleep 0.5
    done
}

host=$(hostname)
say "a git repository with manifests/runnable: common/ (network, pool) and hosts/$host/ (volume, VM)"
mkdir -p "$repo/common" "$repo/hosts/$host"
cp "$examples/network.yaml" "$examples/pool.yaml" "$repo/common/"
cp "$examples/vm.yaml" "$repo/hosts/$host/"
git init -q -b main "$repo"
git_ add -A
git_ commit -q -m "Demo host: NAT network, dir pool, a small VM"
first=$(git_ rev-parse HEAD)
git_ log --oneline

port=$(free_port)
config=$work/config.yaml
cat >"$config" <<EOF
connect: test:///default
stateDir: $state
paths: ["hosts/\${hostname}", "common"]
source:
  url: file://$repo
  ref: main
  interval: 2s
metrics:
  listen: "127.0.0.1:$port"
EOF
say "config $config"
cat "$config"

say "virtsync run --config $config (in the background)"
"$virtsync" run --config "$config" >"$work/agent.log" 2>&1 &
agent=$!
wait_applied "$first" 60
"$virtsync" status --state-dir "$state"

say "commit: vs-demo-vm memory 256MiB -> 384MiB; restartPolicy: Graceful lets the agent restart it"
# A new maximum memory takes a restart: without restartPolicy the VM would wait as pending-restart.
sed -i 's/^  memory: 256MiB$/  memory: 384MiB\n  restartPolicy: Graceful/' "$repo/hosts/$host/vm.yaml"
git_ diff
git_ commit -q -am "vs-demo-vm: 384MiB"
second=$(git_ rev-parse HEAD)
git_ log --oneline -1
wait_applied "$second" 30
"$virtsync" status --state-dir "$state"

say "metrics http://127.0.0.1:$port/metrics (the series that are not 0, without histogram buckets)"
if command -v curl >/dev/null; then
    curl -fsS "http://127.0.0.1:$port/metrics" | grep '^virtsync_' | grep -Ev ' 0(\.0)?$|_bucket' | sort || true
fi

say "SIGTERM to the agent (pid $agent)"
kill -TERM "$agent"
rc=0
wait "$agent" || rc=$?
agent=""
[ "$rc" -eq 0 ] || fail "the agent exited $rc after SIGTERM"
echo "demo-agent: the agent stopped cleanly (exit 0) after applying $(printf '%.12s' "$second")"
