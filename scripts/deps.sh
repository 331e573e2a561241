#!/usr/bin/env bash
# Installs the Debian packages virtsync builds and tests against; does nothing when all are present.
set -euo pipefail

# openssh-client, gpgv: source.verify's signature checks (gnupg: the tests sign commits with gpg).
# libisofs-dev, liblzma-dev, zlib1g-dev, libbz2-dev: cloud-init seeds and image decompression;
# xz-utils, bzip2, xorriso: their tests; cpio: the tiny test guest's initramfs (scripts/tiny-guest.sh).
# libxml2-dev: libvirt's RelaxNG schemas checked offline (VirtsyncSchema); swtpm, swtpm-tools: the corpus's
# TPM 2.0 domains, which libvirt refuses to define without them.
# prometheus: for promtool, which checks contrib/prometheus/virtsync.rules.yml (python3-yaml: the rules' structure test).
packages=(libvirt-dev libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils dnsmasq-base virtinst pkg-config libsystemd-dev systemd
    libxml2-dev swtpm swtpm-tools
    libgit2-dev git openssh-client openssh-server gpgv gnupg prometheus python3-yaml
    libisofs-dev liblzma-dev zlib1g-dev libbz2-dev xz-utils bzip2 xorriso cpio)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for package in "${packages[@]}"; do
    # `dpkg -s` alone also succeeds for removed-but-configured packages: ask for the install status.
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: all ${#packages[@]} packages installed"
else
    echo "deps: installing ${missing[*]}"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The status file's schema test validates with python3's jsonschema, for whichever python3 is first on PATH.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    echo "deps: installing python3 jsonschema"
    # Debian's own python3 refuses pip (PEP 668): fall back to its package.
    python3 -m pip install --quiet jsonschema 2>/dev/null \
        || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-jsonschema
fi
