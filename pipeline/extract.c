/* minutes-extract — placeholder until its issue lands. */
#include <stdio.h>
#include "err.h"
int
main(int argc, char **argv)
{
	(void)argc;
	err_init(argv[0]);
	die(EXIT_TROUBLE, "not implemented yet");
}
