#include "cli/cli.h"
int cmd_entities(int argc, char **argv) { return 0; }
