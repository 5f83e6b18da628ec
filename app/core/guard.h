/* Who may do what on a shared terminal: the supervisor PIN with its
 * throttle, and the learners' picture codes with their lock.
 *
 * PIN: 6 to 12 digits. Every guess is counted (committed) before it is
 * checked, so pulling the plug mid-check gains nothing. After 5 wrong
 * guesses in a row each further guess waits 30 s, doubling each time up
 * to an hour; and never more than 100 guesses are checked in any hour.
 *
 * Code: 3 of the 12 code pictures (order matters; repeats allowed: 1,728
 * codes). After 5 wrong codes in a row the profile is locked until a
 * supervisor unlocks it (or gives a new code). */
#ifndef LP_GUARD_H
#define LP_GUARD_H

#include "store.h"

#define GUARD_PIN_FREE 5
#define GUARD_PIN_HOURLY 100
#define GUARD_CODE_TRIES 5
#define GUARD_CODE_LEN 3
#define GUARD_PICTURES 12

enum guard_result { GUARD_OK, GUARD_WRONG, GUARD_WAIT, GUARD_LOCKED, GUARD_ERROR };

bool guard_pin_valid(const char *pin);
bool guard_pin_is_set(struct store *s);
bool guard_pin_set(struct store *s, const char *pin);
/* Seconds before the next guess will be checked; 0 when it can be now. */
int guard_pin_wait(struct store *s);
/* GUARD_OK, GUARD_WRONG, GUARD_WAIT (not checked; *wait_s says how long)
 * or GUARD_ERROR (the store failed: see store_problem). After a wrong
 * guess *wait_s holds the wait before the next one (0 for none). */
enum guard_result guard_pin_try(struct store *s, const char *pin, int *wait_s);

/* The pictures' names, used on the command line and as their files
 * (assets/code/NAME.svg): apple, pear, key, ... */
const char *guard_picture_name(int i);
/* Parses "apple-key-hat" (names or numbers 1-12); false when it is not
 * three pictures. */
bool guard_code_parse(const char *text, int code[GUARD_CODE_LEN]);
/* The Argon2id string for a code, for store_learner_add_code. */
bool guard_code_hash(const int code[GUARD_CODE_LEN], char out[STORE_CODE_HASH_MAX]);
bool guard_code_set(struct store *s, const char *learner_id, const int code[GUARD_CODE_LEN]);
bool guard_code_locked(const struct store_learner *l);
/* GUARD_OK (tries reset), GUARD_WRONG (*tries_left left), GUARD_LOCKED
 * (this try was the last, or the profile was locked already), GUARD_ERROR. */
enum guard_result guard_code_try(struct store *s, const char *learner_id, const int code[GUARD_CODE_LEN],
                                 int *tries_left);

#endif
