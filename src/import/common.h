/* common.h — small helpers the readers in src/import/ share beyond the
 * contracts of internal.h (which declares import_date and
 * import_decode_entities, defined in common.c too). */
#ifndef IMPORT_COMMON_H
#define IMPORT_COMMON_H

#include "internal.h"

/* When p has no organization and its title reads "… at ORG" ("Research
 * Intern at Contoso Labs (Remote)"), sets p->organization to ORG. ORG must
 * start with a capital letter or a digit and be short; a trailing
 * " (…)", " - …", " | …" or ", …" is cut. Returns 0 or JK_ENOMEM. */
int import_infer_organization(posting *p);

#endif
