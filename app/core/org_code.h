/* Why a typed organisation code is not accepted, told apart so a person
 * knows what to do: a typo (every character is one a code uses and the
 * length is right, but the check character does not match) or not a code
 * at all (a character no code has, or too few or too many). The code and
 * its key are in sync.h (sync_org_code_parse, sync_org_key). */
#ifndef LP_ORG_CODE_H
#define LP_ORG_CODE_H

#include <stdbool.h>

#define ORG_CODE_CHARS 21 /* 20 data characters and the check character */

enum org_code_problem {
	ORG_CODE_OK,
	ORG_CODE_EMPTY,
	ORG_CODE_BAD_CHAR,  /* a character no code has (U, a sign, a letter with an accent) */
	ORG_CODE_TOO_SHORT,
	ORG_CODE_TOO_LONG,
	ORG_CODE_TYPO,      /* the check character does not match */
};

/* Checks what a person typed (any case, spaces and dashes between, O read
 * as 0, I and L as 1). *n gets the number of code characters typed;
 * *bad the first character that no code has (for ORG_CODE_BAD_CHAR). */
enum org_code_problem org_code_check(const char *typed, int *n, char *bad);
/* The character a typed one stands for in a code ('o' -> '0', 'l' -> '1',
 * 'a' -> 'A'), or 0 when no code has it. */
char org_code_char(char c);

#endif
