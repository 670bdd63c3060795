/* Mail messages through import_bytes() as a .eml file: the bytes as they
 * are (each MIME part declares its charset), headers, MIME structure,
 * transfer encodings, charsets, and the apply target's sender rules. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_import(data, size, "/var/mail/jobs/message.eml", "message/rfc822");
	return 0;
}
