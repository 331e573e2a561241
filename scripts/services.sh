#!/usr/bin/env bash
# Starts virtlogd, libvirtd (and journald, which the real-host tests read) unless already running,
# then waits until libvirtd answers on qemu:///system. Works without systemd as PID 1.
set -euo pipefail

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

$sudo mkdir -p /var/log/libvirt /run/libvirt

# Without udev, /dev/kvm stays root-only. QEMU runs as libvirt-qemu (group kvm), so libvirtd finds its
# cached capabilities (which say KVM) stale on every lookup and probes QEMU again: each define then
# takes 15 s or more. Debian's udev rule gives the device to group kvm, mode 0660; do the same.
if [ -c /dev/kvm ] && getent group kvm >/dev/null; then
    $sudo chgrp kvm /dev/kvm
    $sudo chmod 0660 /dev/kvm
fi

start() { # process-name command...
    local name=$1; shift
    if pgrep -x "$name" >/dev/null; then
        echo "services: $name already running"
    else
        echo "services: starting $name"
        $sudo "$@"
    fi
}

start virtlogd virtlogd -d
start libvirtd libvirtd -d
# journald's process name is truncated to 15 characters by the kernel: systemd-journal.
if [ -x /lib/systemd/systemd-journald ] && ! pgrep -x systemd-journal >/dev/null; then
    echo "services: starting systemd-journald"
    $sudo sh -c '/lib/systemd/systemd-journald >/dev/null 2>&1 &'
fi

for _ in $(seq 1 30); do
    if $sudo virsh -c qemu:///system uri >/dev/null 2>&1; then
        echo "services: libvirtd answers on qemu:///system"
        exit 0
    fi
    sleep 1
done
echo "services: libvirtd did not answer on qemu:///system within 30 s" >&2
exit 1
