/* internal.h — what the files of src/core share and no other module uses. */
#ifndef JK_CORE_INTERNAL_H
#define JK_CORE_INTERNAL_H

/* Makes s (NUL-terminated, edited in place) one valid UTF-8 line: line
 * breaks and tabs become spaces, a character cut at the end is dropped,
 * any other broken byte shows as '?'. */
void jk_one_line(char *s);

#endif
