// Debian's liblzma-dev, zlib1g-dev and libbz2-dev: the decoders for .xz, .gz and .bz2 images.
#include <lzma.h>
#include <zlib.h>
#include <bzlib.h>
