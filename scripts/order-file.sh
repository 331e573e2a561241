#!/usr/bin/env bash
# `make order-file`: rewrites scripts/virtsync-agent.order, the functions virtsync-agent runs at rest, hottest
# first, as the section names the release link places first and next to each other (Makefile RELEASE: every
# function in its own section, gold's --section-ordering-file). Code the agent runs at rest then fills a few
# hundred pages instead of being spread over its 29 MiB of .text (docs/benchmark.md, "The idle agent").
#
# How: virtsync-bench's idle agent (50 managed objects on the test driver, drift passes, git polls, scrapes)
# runs under callgrind with instrumentation off until the first reconcile is done; every function of the
# binary that ran from then on is listed, by the instructions it ran. Needs valgrind, and release builds of
# virtsync-agent and virtsync-bench in BUILD (default .build/release). An entry that no longer names a
# function (renamed, inlined) is ignored by the linker: a stale file costs locality, never a build.
set -euo pipefail

seconds=${1:-150}
build=${BUILD:-.build/release}
out=scripts/virtsync-agent.order
command -v valgrind >/dev/null || { echo "order-file: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# valgrind 3.19 cannot read the DWARF 5 of Swift 6's objects: profile a copy without it (same code, same
# symbols). The bench runs the virtsync-agent beside --binary.
objcopy --strip-debug "$build/virtsync-agent" "$work/virtsync-agent"
profile=$work/callgrind.out
wrapper="$(command -v valgrind) --tool=callgrind --instr-atstart=no --demangle=no --callgrind-out-file=$profile"

# The bench names the agent's pid once it is at rest; instrumentation starts then.
"$build/virtsync-bench" --only idle --idle "$seconds" --binary "$work/virtsync" --agent-wrapper "$wrapper" \
    2> >(while IFS= read -r line; do
        echo "$line" >&2
        case $line in
        "idle agent: pid "*" at rest") pid=${line#idle agent: pid }; callgrind_control -i on "${pid%% *}" >/dev/null ;;
        esac
    done)

# Self cost per function of the agent's own object (callgrind's format: `ob=`/`fn=` name a function, with
# `(id) name` the first time and `(id)` after; a cost line after `calls=` is the callee's, not the caller's).
awk -v binary="$work/virtsync-agent" '
    function name(table, text,    id) {
        if (match(text, /^\([0-9]+\)/)) {
            id = substr(text, 2, RLENGTH - 2)
            if (length(text) > RLENGTH) table[id] = substr(text, RLENGTH + 2)
            return table[id]
        }
        return text
    }
    /^ob=/ { ob = name(objects, substr($0, 4)); next }
    /^cob=/ { name(objects, substr($0, 5)); next }
    /^fn=/ { fn = name(functions, substr($0, 4)); ours = (ob == binary); callee = 0; next }
    /^cfn=/ { name(functions, substr($0, 5)); next }
    /^calls=/ { callee = 1; next }
    /^[0-9+*-]/ { if (callee) { callee = 0; next } if (ours) cost[fn] += $2; next }
    END { for (f in cost) if (cost[f] > 0) print cost[f], f }
' "$profile" | sort -rn | awk '{ print ".text." $2 }' > "$out"
echo "order-file: $(wc -l < "$out") functions in $out" >&2
