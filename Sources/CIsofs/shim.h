// Debian's libisofs-dev: ISO 9660 images (the cloud-init NoCloud seed). libisofs.h needs stdint first,
// and declares struct burn_source (how the image is read back) only for callers without libburn.
#include <stdint.h>
#include <stdlib.h>
#define LIBISOFS_WITHOUT_LIBBURN 1
#include <libisofs/libisofs.h>
