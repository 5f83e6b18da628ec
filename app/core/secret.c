#include "secret.h"

#include <sodium.h>
#include <string.h>

bool secret_init(void)
{
	return sodium_init() >= 0;
}

bool secret_hash(enum secret_kind kind, const char *text, char out[SECRET_STR_MAX])
{
	unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = kind == SECRET_PIN ? crypto_pwhash_MEMLIMIT_INTERACTIVE : 16u << 20;
	return crypto_pwhash_str_alg(out, text, strlen(text), ops, mem, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool secret_verify(const char *hash, const char *text)
{
	return hash[0] && crypto_pwhash_str_verify(hash, text, strlen(text)) == 0;
}
