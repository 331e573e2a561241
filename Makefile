# virtsync: build, test and try it. GNU make; recipes stay short, longer shell lives in scripts/.

SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: deps build services lint test demo bench order-file install clean release-flags

# A release build carries the Swift runtime and Foundation inside the binary: a fleet host needs no Swift
# toolchain, only C libraries of its distribution (libvirt0, libgit2, libsystemd0, libxml2, libcurl and
# what they pull in), and a CLI verb starts sooner (no dynamic binding of the Swift libraries).
#
# Every function in its own section (Swift and C alike), and the functions `virtsync-agent` runs at rest laid
# out first, next to each other (scripts/virtsync-agent.order, gold's --section-ordering-file): the idle
# agent's code then fills 3 MiB of pages rather than 5 MiB spread over its .text (docs/benchmark.md, "The
# idle agent"). `make order-file` rewrites the order after code changes; a stale one costs locality only.
ORDER = $(CURDIR)/scripts/virtsync-agent.order
RELEASE = -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
	-Xlinker --section-ordering-file=$(ORDER)

# SwiftPM (6.3) recompiles C targets when flags change but not Swift modules: when RELEASE differs from the
# last release build's, that build is cleared, so no object without its own function sections is linked.
release-flags:
	@mkdir -p .build; echo '$(RELEASE)' | cmp -s - .build/release-flags || \
		{ rm -rf .build/release .build/x86_64-unknown-linux-gnu/release; echo '$(RELEASE)' > .build/release-flags; }

# Debian packages for libvirt, QEMU and the build (idempotent; uses sudo when not root).
deps:
	scripts/deps.sh

build:
	$(SWIFT) build

# virtlogd and libvirtd (and journald) started if not running, then wait for qemu:///system.
services:
	scripts/services.sh

# The tree as swift-format leaves it (.swift-format: swift-nio's settings, lines of 120 columns): a file
# that is not fails `make test`; `swift format format -i --recursive Package.swift Plugins Sources Tests` mends it.
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Plugins Sources Tests

# Every tier: pure, test:///default driver, and the real host (VIRTSYNC_REAL_HOST=1).
test: deps services lint
	@start=$$(date +%s); $(SWIFT) build && VIRTSYNC_REAL_HOST=1 $(SWIFT) test; rc=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s, exit $$rc"; exit $$rc

# Validate every manifest, then apply the seed's whole setup and the runnable set to libvirt's
# in-process test driver and re-plan in the same process (test:///default keeps no state between
# processes). --adopt takes over the driver's own `default` network, as the seed's 3.1 asks.
# The cloud-image VM (manifests/cloud) is planned, not applied: the test driver cannot upload an image
# into a volume (no virStorageVolUpload), and applying it would download Ubuntu's image (about 600 MB).
# The plan shows what an apply on a real host does (exit 2: changes pending).
# Then the agent: `virtsync run` on test:///default tracking a local git repository of the runnable set,
# through a first reconcile and a committed change, stopped with SIGTERM (scripts/demo-agent.sh).
demo: deps build
	.build/debug/virtsync validate manifests
	@state=$$(mktemp -d); \
	.build/debug/virtsync apply --connect test:///default --adopt --verify --state-dir "$$state" manifests/seed manifests/runnable; \
	rc=$$?; rm -rf "$$state"; exit $$rc
	@state=$$(mktemp -d); \
	.build/debug/virtsync plan --connect test:///default --state-dir "$$state" manifests/cloud; \
	rc=$$?; rm -rf "$$state"; [ $$rc -eq 2 ]
	scripts/demo-agent.sh .build/debug/virtsync manifests/runnable

# Both built as `make install` builds virtsync (Swift runtime linked in), so that the floor pays the same start-up.
bench: deps services release-flags
	$(SWIFT) build $(RELEASE) --product virtsync
	$(SWIFT) build $(RELEASE) --product virtsync-agent
	$(SWIFT) build $(RELEASE) --product virtsync-bench
	.build/release/virtsync-bench

# The link order of the release build, from callgrind's record of an idle agent (scripts/order-file.sh;
# needs valgrind, about three minutes).
order-file: release-flags
	$(SWIFT) build $(RELEASE) --product virtsync-agent
	$(SWIFT) build $(RELEASE) --product virtsync-bench
	scripts/order-file.sh

# The release binaries (`virtsync`, and `virtsync-agent` that `virtsync run` becomes), the hardened unit
# (ExecStart pointed at $(PREFIX)), the sysusers and tmpfiles entries and
# the example config. Packagers stage with DESTDIR=; afterwards: systemd-sysusers, systemd-tmpfiles --create,
# daemon-reload, then write /etc/virtsync/config.yaml and enable virtsync.service.
PREFIX ?= /usr/local
install: release-flags
	$(SWIFT) build $(RELEASE) --product virtsync
	$(SWIFT) build $(RELEASE) --product virtsync-agent
	install -D -m 0755 .build/release/virtsync $(DESTDIR)$(PREFIX)/bin/virtsync
	install -D -m 0755 .build/release/virtsync-agent $(DESTDIR)$(PREFIX)/bin/virtsync-agent
	install -d -m 0755 $(DESTDIR)/lib/systemd/system
	sed 's|^ExecStart=/usr/local/bin/virtsync |ExecStart=$(PREFIX)/bin/virtsync |' systemd/virtsync.service \
		> $(DESTDIR)/lib/systemd/system/virtsync.service
	chmod 0644 $(DESTDIR)/lib/systemd/system/virtsync.service
	install -D -m 0644 systemd/virtsync.tmpfiles $(DESTDIR)/usr/lib/tmpfiles.d/virtsync.conf
	install -D -m 0644 systemd/virtsync.sysusers $(DESTDIR)/usr/lib/sysusers.d/virtsync.conf
	install -D -m 0644 systemd/config.example.yaml $(DESTDIR)/etc/virtsync/config.example.yaml

clean:
	rm -rf .build
