/* Temporary: replaced by json.c, feed.c, text.c (helper C). */
#include "internal.h"
