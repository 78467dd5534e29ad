/* status.c — names of status codes. */
#include "crossread.h"

const char *cr_status_str(cr_status s) {
  switch (s) {
    case CR_OK: return "ok";
    case CR_ERR_NOMEM: return "out of memory";
    case CR_ERR_IO: return "input/output error";
    case CR_ERR_INPUT: return "malformed input";
    case CR_ERR_LIMIT: return "input exceeds a limit";
    case CR_ERR_USAGE: return "invalid arguments";
  }
  return "unknown status";
}
