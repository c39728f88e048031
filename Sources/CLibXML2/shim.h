#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its headers would pull the system ICU into a module that also
   sees Foundation's bundled ICU, and clean builds then fail (stack notes P1). We never touch the
   ICU converter fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxml/xmlsave.h>
#include <libxml/encoding.h>
/* xmlFree is a mutable global function pointer: Swift 6 refuses to call it directly (P2). */
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }
#endif
