#!/bin/sh
# Runs a command, in the current folder, inside a small virtual machine whose only cgroup hierarchy is v2 (memory,
# cpu and pids available at its root), so that the manager's cgroup v2 path runs for real on a machine whose own
# kernel binds those controllers to v1 (this project's build machine: its v2 hierarchy offers only hugetlb). Usage
# (the test class path as bench/README.md "cgroup v2 in a virtual machine" writes it):
#
#   cd manager && flock /work/heavy.lock ../bench/cgroup-v2/run.sh java -cp "$CLASSPATH" \
#       ../bench/cgroup-v2/RunTests.java dev.runtimeservice.manager.limits.CgroupsV2Test
#
# Needs root, Debian's qemu-system-x86 and a Debian kernel (linux-image-amd64: /boot/vmlinuz-*, its modules in
# /lib/modules), gcc with a static libc. The machine sees this host's files read-only under a tmpfs overlay: what
# the command writes is thrown away when it ends, so the command's output is the result. It has its own loopback
# network, so its ports never meet the host's. Exit code: the command's.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -1)
[ -n "$kernel" ] || { echo "no kernel in /boot: apt-get install linux-image-amd64" >&2; exit 2; }
version=${kernel#/boot/vmlinuz-}
modules=/lib/modules/$version/kernel
work=$(mktemp -d /tmp/cgroup-v2-vm.XXXXXX)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/initrd/modules" "$work/initrd/dev" "$work/initrd/proc" "$work/initrd/sys"
gcc -static -O2 -o "$work/initrd/init" "$here/init.c"
for module in drivers/virtio/virtio drivers/virtio/virtio_ring drivers/virtio/virtio_pci_legacy_dev \
    drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci net/9p/9pnet net/9p/9pnet_virtio fs/netfs/netfs \
    fs/fscache/fscache fs/9p/9p fs/overlayfs/overlay; do
  cp "$modules/$module.ko" "$work/initrd/modules/"
done
(cd "$work/initrd" && find . | cpio -o -H newc --quiet) > "$work/initrd.cpio"

# The script the machine's init runs: the usual mounts, cgroup v2 alone at /sys/fs/cgroup, then the command.
{
  echo 'mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev'
  echo 'mkdir -p /dev/pts /dev/shm; mount -t devpts devpts /dev/pts; mount -t tmpfs tmpfs /dev/shm'
  echo 'mount -t tmpfs tmpfs /sys/fs/cgroup 2>/dev/null; mount -t cgroup2 cgroup2 /sys/fs/cgroup'
  echo 'ip link set lo up'
  echo 'echo "vm: kernel $(uname -r), $(nproc) cpus; cgroup v2 root controllers:" \'
  echo '  "$(cat /sys/fs/cgroup/cgroup.controllers)"'
  echo "export HOME=$HOME PATH=$PATH"
  printf 'cd %s && ' "$PWD"
  for word in "$@"; do printf "'%s' " "$(printf %s "$word" | sed "s/'/'\\\\''/g")"; done
  echo
} > "$work/inside.sh"

# QEMU's emulation by default: nested KVM does not work on this project's build machine (/dev/kvm is there, but the
# kernel never prints a line). VM_ACCEL=kvm uses KVM where it works. Emulation is slow: keep the command small.
accel="-accel tcg -smp 1"
if [ "${VM_ACCEL:-tcg}" = kvm ]; then accel="-enable-kvm -cpu host -smp 2"; fi
# cgroup_no_v1=all: no controller is bound to a v1 hierarchy, so the v2 root has them all.
qemu-system-x86_64 $accel -m 4096 -nographic -no-reboot -nodefaults -serial stdio \
  -kernel "$kernel" -initrd "$work/initrd.cpio" \
  -append "console=ttyS0 quiet panic=-1 cgroup_no_v1=all VM_SCRIPT=$work/inside.sh" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  | tee "$work/console.log"
code=$(sed -n 's/^vm: the script ended with exit code \([0-9]*\).*/\1/p' "$work/console.log" | tail -1)
exit "${code:-1}"
