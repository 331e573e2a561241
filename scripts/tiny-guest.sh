#!/usr/bin/env bash
# Makes the tiny test guest: a Debian kernel and an initramfs of busybox-static, the kernel modules a
# cdrom, virtio devices and a NIC need, and qemu-guest-agent with its libraries. Booted by direct kernel
# boot (console=ttyS0), its init:
#   - mounts the `cidata` cdrom (NoCloud seed) and prints its user-data on the console between
#     "tiny: user-data begin" and "tiny: user-data end";
#   - starts qemu-ga on the virtio-serial port org.qemu.guest_agent.0 when there is one;
#   - asks for an address by DHCP (busybox udhcpc) on every NIC, and prints it ("tiny: address ...");
#   - powers off when the kernel command line says tiny.halt=1 (a guest that fails a health gate);
#   - serves HTTP on the TCP port tiny.port=N says (busybox httpd), for port health checks;
#   - prints "tiny: ready" when done, then idles.
#
# Usage: scripts/tiny-guest.sh CACHE_DIR
# Prints the kernel's and the initramfs's paths (CACHE_DIR/vmlinuz, CACHE_DIR/initrd.img), one per line.
# Packages come from Debian with `apt-get download` (no root needed but for apt's lists); everything is
# cached in CACHE_DIR and remade only when this script changes. Needs apt-get, dpkg-deb, cpio, gzip and ldd.
set -euo pipefail

cache=${1:?usage: tiny-guest.sh CACHE_DIR}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
stamp=$(sha256sum "$0" | cut -c1-16)
if [ -s "$cache/vmlinuz" ] && [ -s "$cache/initrd.img" ] && [ "$(cat "$cache/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "$cache/vmlinuz"; echo "$cache/initrd.img"; exit 0
fi

# The kernel is whatever linux-image-amd64 points at today (linux-image-6.1.0-N-amd64 on Debian 12).
kernel_package=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
[ -n "$kernel_package" ] || { echo "tiny-guest: no linux-image-*-amd64 in apt's lists (run apt-get update)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs" "$work/x"
# apt-get download writes into the current directory; as root it warns that _apt cannot write there.
(cd "$work/debs" && apt-get download -q "$kernel_package" busybox-static qemu-guest-agent 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2 || true)
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
ls "$work"/x/boot/vmlinuz-* >/dev/null 2>&1 || { echo "tiny-guest: apt-get download of $kernel_package failed" >&2; exit 1; }

root=$work/root
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,run,cidata,www,lib64,usr/share/udhcpc,var/run}
cp "$work/x/bin/busybox" "$root/bin/busybox"

# Kernel modules: the wanted ones and everything modules.dep says they need, loaded by busybox modprobe.
release=$(ls "$work/x/lib/modules")
modules=$work/x/lib/modules/$release
mkdir -p "$root/lib/modules/$release"
# The package ships no modules.dep (its postinst runs depmod): busybox's depmod writes one.
"$work/x/bin/busybox" depmod -b "$work/x" "$release"
wanted="ata_piix ahci sr_mod isofs virtio_pci virtio_blk virtio_net virtio_console virtio_rng e1000 af_packet"
needed() { # module name -> its path and its dependencies' paths, relative to $modules
    local line
    line=$(grep -E "/$1\.ko(\.xz|\.zst)?:" "$modules/modules.dep" || true)
    [ -n "$line" ] || return 0
    echo "${line%%:*}"
    for dep in ${line#*:}; do echo "$dep"; done
}
for module in $wanted; do needed "$module"; done | sort -u | while read -r path; do
    mkdir -p "$root/lib/modules/$release/$(dirname "$path")"
    cp "$modules/$path" "$root/lib/modules/$release/$path"
done
cp "$modules/modules.dep" "$modules/modules.alias" "$root/lib/modules/$release/" 2>/dev/null || true

# qemu-ga and the shared libraries it links, resolved with the host's loader (qemu-system-x86 pulls in
# the same glib, libudev and liburing); a library the host lacks is named and fatal.
cp "$work/x/usr/sbin/qemu-ga" "$root/bin/qemu-ga"
missing=$(ldd "$root/bin/qemu-ga" | awk '/not found/ {print $1}')
[ -z "$missing" ] || { echo "tiny-guest: qemu-ga needs libraries this host lacks: $missing" >&2; exit 1; }
for lib in $(ldd "$root/bin/qemu-ga" | awk '/=> \// {print $3} /^\t\/lib64/ {print $1}'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done

cat > "$root/usr/share/udhcpc/default.script" <<'EOF'
#!/bin/sh
# udhcpc's hook: configure the lease it got, print it for the test log.
case "$1" in
    bound|renew)
        ifconfig "$interface" "$ip" netmask "${subnet:-255.255.255.0}" up
        [ -n "$router" ] && route add default gw "${router%% *}" dev "$interface" 2>/dev/null
        echo "tiny: address $interface $ip" > /dev/console ;;
    deconfig) ifconfig "$interface" 0.0.0.0 up ;;
esac
exit 0
EOF
chmod +x "$root/usr/share/udhcpc/default.script"

cat > "$root/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for module in ata_piix ahci sr_mod isofs virtio_pci virtio_blk virtio_net virtio_console virtio_rng e1000 af_packet; do
    modprobe "$module" 2>/dev/null
done
cmdline=$(cat /proc/cmdline)
arg() { for word in $cmdline; do case "$word" in "$1"=*) echo "${word#*=}";; esac; done; }
echo "tiny: booted, uptime $(cut -d' ' -f1 /proc/uptime) s"

# The NoCloud seed: the first cdrom-like device whose ISO 9660 file system mounts.
for attempt in 1 2 3 4 5; do
    for device in /dev/sr0 /dev/sr1 /dev/vdb /dev/vdc; do
        [ -b "$device" ] && mount -t iso9660 -o ro "$device" /cidata 2>/dev/null && break 2
    done
    sleep 0.2
done
if [ -f /cidata/user-data ]; then
    echo "tiny: user-data begin"
    cat /cidata/user-data
    echo "tiny: user-data end"
    echo "tiny: user-data printed, uptime $(cut -d' ' -f1 /proc/uptime) s"
fi

[ "$(arg tiny.halt)" = 1 ] && { echo "tiny: halting as asked"; poweroff -f; }

# The guest agent's port: devtmpfs names it vportNpM; its name is in sysfs (no udev for the symlink).
for port in /sys/class/virtio-ports/*; do
    [ "$(cat "$port/name" 2>/dev/null)" = org.qemu.guest_agent.0 ] || continue
    qemu-ga -m virtio-serial -p "/dev/${port##*/}" -t /run -f /run/qemu-ga.pid > /dev/null 2>&1 &
    echo "tiny: qemu-ga on /dev/${port##*/}"
done

ifconfig lo 127.0.0.1 up
for interface in /sys/class/net/*; do
    interface=${interface##*/}
    [ "$interface" = lo ] && continue
    udhcpc -i "$interface" -t 10 -T 1 -b -q -s /usr/share/udhcpc/default.script > /dev/null 2>&1
done

port=$(arg tiny.port)
if [ -n "$port" ]; then
    echo tiny > /www/index.html
    httpd -p "$port" -h /www && echo "tiny: http on port $port"
fi
echo "tiny: ready, uptime $(cut -d' ' -f1 /proc/uptime) s"
while true; do sleep 3600; done
EOF
chmod +x "$root/init"

cp "$work"/x/boot/vmlinuz-* "$cache/vmlinuz.new"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$cache/initrd.img.new"
mv "$cache/vmlinuz.new" "$cache/vmlinuz"
mv "$cache/initrd.img.new" "$cache/initrd.img"
echo "$stamp" > "$cache/stamp"
echo "$cache/vmlinuz"
echo "$cache/initrd.img"
