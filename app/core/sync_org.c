/* The organisation code and key. A code is 100 random bits written as 20
 * characters of Crockford's base 32 (no I, L, O, U: nothing to mistake)
 * in groups of four, and a 21st check character: the weighted sum of the
 * 20 values modulo 31, so any one wrong character and any two swapped
 * neighbours are caught. The key is Argon2id of the code with a fixed
 * salt, so every terminal that types the same code gets the same key. */
#include "sync.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define DATA_CHARS 20

static int value_of(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == 'O')
		c = '0';
	if (c == 'I' || c == 'L')
		c = '1';
	const char *p = c ? strchr(digits, c) : NULL;
	return p ? (int)(p - digits) : -1;
}

static char check_char(const int v[DATA_CHARS])
{
	int sum = 0;
	for (int i = 0; i < DATA_CHARS; i++)
		sum += (i + 1) * v[i];
	return digits[sum % 31];
}

static void format(const int v[DATA_CHARS], char code[SYNC_CODE_MAX])
{
	int n = 0;
	for (int i = 0; i < DATA_CHARS; i++) {
		if (i && i % 4 == 0)
			code[n++] = '-';
		code[n++] = digits[v[i]];
	}
	code[n++] = '-';
	code[n++] = check_char(v);
	code[n] = 0;
}

bool sync_org_code_new(char code[SYNC_CODE_MAX])
{
	uint8_t bits[13]; /* 104 bits; 100 used */
	randombytes_buf(bits, sizeof bits);
	int v[DATA_CHARS];
	for (int i = 0; i < DATA_CHARS; i++) {
		int bit = i * 5, val = 0;
		for (int k = 0; k < 5; k++, bit++)
			val = val << 1 | (bits[bit / 8] >> (7 - bit % 8) & 1);
		v[i] = val;
	}
	sodium_memzero(bits, sizeof bits);
	format(v, code);
	return true;
}

bool sync_org_code_parse(const char *typed, char code[SYNC_CODE_MAX])
{
	int v[DATA_CHARS + 1], n = 0;
	for (const char *p = typed; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t')
			continue;
		int x = value_of(*p);
		if (x < 0 || n > DATA_CHARS)
			return false;
		v[n++] = x;
	}
	if (n != DATA_CHARS + 1 || digits[v[DATA_CHARS]] != check_char(v))
		return false;
	format(v, code);
	return true;
}

bool sync_org_key(const char *code, uint8_t key[SYNC_KEY_BYTES])
{
	static const uint8_t salt[crypto_pwhash_SALTBYTES] = "leerplek-org-v1";
	char canon[SYNC_CODE_MAX];
	if (!sync_org_code_parse(code, canon))
		return false;
	return crypto_pwhash(key, SYNC_KEY_BYTES, canon, strlen(canon), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                     crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool sync_org_save(struct store *s, const uint8_t key[SYNC_KEY_BYTES])
{
	char hex[SYNC_KEY_BYTES * 2 + 1];
	sodium_bin2hex(hex, sizeof hex, key, SYNC_KEY_BYTES);
	bool ok = store_setting_set_text(s, "org_key", hex);
	sodium_memzero(hex, sizeof hex);
	return ok;
}

bool sync_org_load(struct store *s, uint8_t key[SYNC_KEY_BYTES])
{
	char hex[SYNC_KEY_BYTES * 2 + 8];
	size_t len = 0;
	bool ok = store_setting_text(s, "org_key", hex, sizeof hex) &&
	          sodium_hex2bin(key, SYNC_KEY_BYTES, hex, strlen(hex), NULL, &len, NULL) == 0 && len == SYNC_KEY_BYTES;
	sodium_memzero(hex, sizeof hex);
	return ok;
}
