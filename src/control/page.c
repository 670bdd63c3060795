/* page.c — the control page, compiled in: build/gen/control_page.h holds
 * src/control/page.html as bytes (the Makefile writes it with od), so the
 * binary serves it with no file to find and nothing to load from elsewhere. */
#include "control.h"

#include "control_page.h"

const char *control_page(size_t *len)
{
	*len = sizeof page_html - 1; /* the generator ends it with a NUL */
	return page_html;
}
