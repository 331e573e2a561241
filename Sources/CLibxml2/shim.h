// libxml2 is built with ICU on Debian, so its encoding.h includes the system's <unicode/ucnv.h>; a Swift
// module that also sees Foundation (LibXML2 builds LibvirtXML's values) then meets two different
// definitions of ICU's `UErrorCode` (the system's and Foundation's bundled _FoundationICU) and fails to
// build from clean. virtsync never touches libxml2's encoding handlers (only pointers to them pass by), so
// the ICU parts of those headers are left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
