/* Secrets at rest: the supervisor PIN and the learners' picture codes are
 * kept only as Argon2id strings (libsodium's crypto_pwhash_str), which hold
 * their own salt and cost. */
#ifndef LP_SECRET_H
#define LP_SECRET_H

#include <stdbool.h>

#define SECRET_STR_MAX 128 /* crypto_pwhash_STRBYTES */

enum secret_kind {
	SECRET_PIN,  /* libsodium's "interactive" cost: 64 MiB, 2 passes */
	SECRET_CODE, /* 16 MiB, 2 passes: a code has only 1,320 values, and
	              * what guards it is the lock after 5 wrong tries */
};

/* Must succeed once before the others are used. */
bool secret_init(void);
bool secret_hash(enum secret_kind kind, const char *text, char out[SECRET_STR_MAX]);
bool secret_verify(const char *hash, const char *text);

#endif
