/*
 * The init of the virtual machine bench/cgroup-v2/run.sh boots: loads the virtio and 9p modules, mounts the host's
 * root read-only under a tmpfs overlay (what the machine writes is thrown away with it), enters it and runs the script
 * named by VM_SCRIPT (the kernel passes unknown name=value arguments to init as its environment), then powers off.
 * Static, so that it needs nothing from the initramfs but itself and the modules.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *MODULES[] = {
    "virtio", "virtio_ring", "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_pci",
    "9pnet", "9pnet_virtio", "netfs", "fscache", "9p", "overlay", NULL};

static void load(const char *name) {
    char path[128];
    snprintf(path, sizeof path, "/modules/%s.ko", name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0) {
        perror(path);
    }
    if (fd >= 0) {
        close(fd);
    }
}

static void must(int ok, const char *what) {
    if (!ok) {
        perror(what);
        reboot(RB_POWER_OFF);
    }
}

int main(void) {
    mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
    mount("proc", "/proc", "proc", 0, NULL);
    mount("sysfs", "/sys", "sysfs", 0, NULL);
    for (const char **module = MODULES; *module; module++) {
        load(*module);
    }
    mkdir("/host", 0755);
    mkdir("/rw", 0755);
    mkdir("/root", 0755);
    must(mount("hostroot", "/host", "9p", MS_RDONLY, "trans=virtio,version=9p2000.L,msize=512000,cache=loose") == 0,
         "mount the host's root");
    must(mount("tmpfs", "/rw", "tmpfs", 0, "size=2g") == 0, "mount /rw");
    mkdir("/rw/upper", 0755);
    mkdir("/rw/work", 0755);
    must(mount("overlay", "/root", "overlay", 0, "lowerdir=/host,upperdir=/rw/upper,workdir=/rw/work") == 0,
         "mount the overlay");
    must(chroot("/root") == 0 && chdir("/") == 0, "enter the overlay");
    const char *script = getenv("VM_SCRIPT");
    pid_t child = fork();
    if (child == 0) {
        execl("/bin/sh", "sh", script ? script : "/dev/null", (char *) NULL);
        perror("exec /bin/sh");
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    printf("vm: the script ended with exit code %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128);
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    return 0;
}
