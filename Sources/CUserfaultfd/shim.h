// userfaultfd(2), used only to turn off the kernel's fault-around on the agent's code mappings
// (Sources/virtsync-agent/FaultAround.swift). Swift cannot call syscall(2) (variadic) nor expand the
// _IOWR request macros, so these two wrappers do. Linux headers older than 6.7 lack UFFD_FEATURE_WP_ASYNC;
// its value is the kernel's ABI.
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif

/// A userfaultfd for write-protect tracking resolved by the kernel itself (no handler thread), faults from
/// user mode only (what an unprivileged process may open); -1 with errno when the kernel refuses (before
/// 6.7: EINVAL; a seccomp filter: EPERM or ENOSYS).
static inline int virtsync_uffd_open_wp_async(void) {
    int fd = (int)syscall(__NR_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
    if (fd < 0) return -1;
    struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_WP_ASYNC};
    if (ioctl(fd, UFFDIO_API, &api) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/// Registers [start, start + length) for write-protect tracking; 0, or -1 with errno.
static inline int virtsync_uffd_register_wp(int fd, unsigned long start, unsigned long length) {
    struct uffdio_register range = {.range = {.start = start, .len = length}, .mode = UFFDIO_REGISTER_MODE_WP};
    return ioctl(fd, UFFDIO_REGISTER, &range);
}
