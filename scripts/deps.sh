#!/usr/bin/env bash
# Installs the Debian packages virtsync builds and tests against; does nothing when all are present.
set -euo pipefail

packages=(libvirt-dev libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils dnsmasq-base virtinst pkg-config libsystemd-dev systemd libgit2-dev git)
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
    exit 0
fi
echo "deps: installing ${missing[*]}"
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
