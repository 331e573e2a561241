// Swift calls the functions, never the header's location-adding macros (which it cannot import anyway).
#define SD_JOURNAL_SUPPRESS_LOCATION
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
