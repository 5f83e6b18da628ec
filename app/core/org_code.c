/* Telling a typo in an organisation code from something that is not a
 * code; see org_code.h. The alphabet is Crockford's base 32, as in
 * sync_org.c, which holds the one definition of a valid code: a code
 * with the right characters and length is accepted only when
 * sync_org_code_parse accepts it. */
#include "org_code.h"
#include "sync.h"

#include <string.h>

char org_code_char(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == 'O')
		return '0';
	if (c == 'I' || c == 'L')
		return '1';
	return c && strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", c) ? c : 0;
}

enum org_code_problem org_code_check(const char *typed, int *n, char *bad)
{
	*n = 0;
	*bad = 0;
	for (const char *p = typed; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t')
			continue;
		if (!org_code_char(*p)) {
			if (!*bad)
				*bad = *p;
			continue;
		}
		(*n)++;
	}
	if (*bad)
		return ORG_CODE_BAD_CHAR;
	if (*n == 0)
		return ORG_CODE_EMPTY;
	if (*n < ORG_CODE_CHARS)
		return ORG_CODE_TOO_SHORT;
	if (*n > ORG_CODE_CHARS)
		return ORG_CODE_TOO_LONG;
	char canon[SYNC_CODE_MAX];
	return sync_org_code_parse(typed, canon) ? ORG_CODE_OK : ORG_CODE_TYPO;
}
