#include "guard.h"
#include "secret.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOUR_MS (3600 * 1000LL)

bool guard_pin_valid(const char *pin)
{
	size_t n = strlen(pin);
	if (n < 6 || n > 12)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return true;
}

bool guard_pin_is_set(struct store *s)
{
	char h[STORE_CODE_HASH_MAX];
	return store_setting_text(s, "pin", h, sizeof h) && h[0];
}

bool guard_pin_set(struct store *s, const char *pin)
{
	char h[SECRET_STR_MAX];
	if (!guard_pin_valid(pin) || !secret_hash(SECRET_PIN, pin, h))
		return false;
	/* A new PIN starts with a clean slate of failures. */
	return store_setting_set_text(s, "pin", h) && store_setting_set_text(s, "pin_fails", "0");
}

/* The back-off after GUARD_PIN_FREE wrong guesses in a row: 30 s, doubling,
 * at most an hour. */
static int64_t backoff_ms(int fails)
{
	if (fails < GUARD_PIN_FREE)
		return 0;
	int64_t ms = 30 * 1000LL;
	for (int i = GUARD_PIN_FREE; i < fails && ms < HOUR_MS; i++)
		ms *= 2;
	return ms < HOUR_MS ? ms : HOUR_MS;
}

static int64_t wait_ms(struct store *s, int64_t now, int *fails, int64_t *last_fail)
{
	*fails = (int)store_setting_int64(s, "pin_fails", 0);
	*last_fail = store_setting_int64(s, "pin_last_fail_ms", 0);
	if (*last_fail > now) { /* the clock went back: the wait counts from now */
		char v[24];
		snprintf(v, sizeof v, "%lld", (long long)now);
		*last_fail = now;
		store_setting_set_text(s, "pin_last_fail_ms", v);
	}
	int64_t w = *last_fail + backoff_ms(*fails) - now;
	int64_t oldest = 0;
	int n = store_pin_checks_since(s, now - HOUR_MS, now, &oldest);
	if (n >= GUARD_PIN_HOURLY && oldest + HOUR_MS - now > w)
		w = oldest + HOUR_MS - now;
	return w > 0 ? w : 0;
}

static int seconds(int64_t ms)
{
	return (int)((ms + 999) / 1000);
}

int guard_pin_wait(struct store *s)
{
	int fails;
	int64_t last;
	return seconds(wait_ms(s, store_now_ms(s), &fails, &last));
}

enum guard_result guard_pin_try(struct store *s, const char *pin, int *wait_s)
{
	int64_t now = store_now_ms(s), last;
	int fails;
	int64_t w = wait_ms(s, now, &fails, &last);
	*wait_s = seconds(w);
	if (w > 0)
		return GUARD_WAIT;
	char h[STORE_CODE_HASH_MAX];
	if (!store_setting_text(s, "pin", h, sizeof h) || !h[0])
		return GUARD_ERROR;
	/* Counted as wrong before it is checked; put right after. */
	if (!store_pin_note(s, now, fails + 1, now))
		return GUARD_ERROR;
	if (secret_verify(h, pin)) {
		*wait_s = 0;
		return store_setting_set_text(s, "pin_fails", "0") ? GUARD_OK : GUARD_ERROR;
	}
	*wait_s = seconds(backoff_ms(fails + 1));
	return GUARD_WRONG;
}

static const char *const pictures[GUARD_PICTURES] = {
	"apple", "pear", "key", "star", "bell", "umbrella", "car", "ball", "hat", "heart", "kite", "shoe",
};

const char *guard_picture_name(int i)
{
	return i >= 0 && i < GUARD_PICTURES ? pictures[i] : "?";
}

bool guard_code_parse(const char *text, int code[GUARD_CODE_LEN])
{
	int n = 0;
	const char *p = text;
	while (*p && n < GUARD_CODE_LEN) {
		size_t len = strcspn(p, "-");
		code[n] = -1;
		for (int i = 0; i < GUARD_PICTURES; i++)
			if (strlen(pictures[i]) == len && !strncmp(p, pictures[i], len))
				code[n] = i;
		char *end;
		long v = strtol(p, &end, 10);
		if (code[n] < 0 && end == p + len && len > 0 && v >= 1 && v <= GUARD_PICTURES)
			code[n] = (int)v - 1;
		if (code[n] < 0)
			return false;
		n++;
		p += len;
		if (*p == '-' && p[1])
			p++;
		else if (*p)
			return false;
	}
	return n == GUARD_CODE_LEN && !*p;
}

static void code_text(const int code[GUARD_CODE_LEN], char out[32])
{
	snprintf(out, 32, "code:%d-%d-%d", code[0], code[1], code[2]);
}

bool guard_code_hash(const int code[GUARD_CODE_LEN], char out[STORE_CODE_HASH_MAX])
{
	char t[32];
	code_text(code, t);
	return secret_hash(SECRET_CODE, t, out);
}

bool guard_code_set(struct store *s, const char *learner_id, const int code[GUARD_CODE_LEN])
{
	char h[STORE_CODE_HASH_MAX] = "";
	if (code && !guard_code_hash(code, h))
		return false;
	return store_learner_set_code(s, learner_id, h);
}

bool guard_code_locked(const struct store_learner *l)
{
	return l->has_code && l->code_fails >= GUARD_CODE_TRIES;
}

enum guard_result guard_code_try(struct store *s, const char *learner_id, const int code[GUARD_CODE_LEN],
                                 int *tries_left)
{
	struct store_learner l;
	char h[STORE_CODE_HASH_MAX];
	*tries_left = 0;
	if (!store_learner_get(s, learner_id, &l) || !store_learner_code_hash(s, learner_id, h, sizeof h))
		return GUARD_ERROR;
	if (!h[0])
		return GUARD_OK;
	if (guard_code_locked(&l))
		return GUARD_LOCKED;
	/* Counted as wrong before it is checked; put right after. */
	if (!store_learner_set_fails(s, learner_id, l.code_fails + 1))
		return GUARD_ERROR;
	char t[32];
	code_text(code, t);
	if (secret_verify(h, t))
		return store_learner_set_fails(s, learner_id, 0) ? GUARD_OK : GUARD_ERROR;
	*tries_left = GUARD_CODE_TRIES - (l.code_fails + 1);
	return *tries_left > 0 ? GUARD_WRONG : GUARD_LOCKED;
}
