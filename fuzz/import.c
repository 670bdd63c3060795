/* The front door: import_bytes() with the name and content type taken from
 * the first two input bytes, so sniffing, the extension fallback, charsets
 * (declared, Windows-1252, UTF-16 by BOM) and every reader are reachable
 * from one corpus. */
#include "fuzz.h"

static const char *const names[] = {
    NULL,
    "post.md",
    "post.html",
    "feed.xml",
    "feed.rss",
    "feed.atom",
    "notes.txt",
    "board.json",
    "https://jobs.example.org/careers/engineer",
    "https://jobs.example.org/a/b.htm?x=1#frag",
    "/media/usb/postings/README",
    "post.markdown",
    "https://acme.jobs.personio.de/xml",
    "message.eml",
    "post.rst",
};
static const char *const ctypes[] = {
    NULL,
    "text/html; charset=utf-8",
    "application/rss+xml",
    "application/atom+xml",
    "text/markdown",
    "application/json",
    "text/plain; charset=iso-8859-1",
    "text/html; charset=shift_jis",
    "message/rfc822",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > FZ_MAX_INPUT)
		return 0;
	fz_import(data + 2, size - 2, names[data[0] % JK_ARRAY_LEN(names)],
	          ctypes[data[1] % JK_ARRAY_LEN(ctypes)]);
	return 0;
}
