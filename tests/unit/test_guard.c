/* Who may do what on a shared terminal: names that can be saved, the
 * supervisor PIN's throttle (back-off, the hourly cap, a clock that jumps
 * back, a restart between guesses) and the picture codes with their lock. */
#include "../../app/core/guard.h"
#include "../../app/core/secret.h"
#include "../../app/core/store.h"
#include "../../app/core/util.h"
#include "test.h"

#include <unistd.h>

#define HOUR (3600 * 1000LL)
#define YEAR (365 * 24 * HOUR)

static struct store *open_store(char *dir)
{
	char err[600];
	if (!mkdtemp(dir))
		return NULL;
	return store_open(dir, err, sizeof err);
}

static void test_names(void)
{
	CHECK(store_name_check("Fatma") == STORE_NAME_OK);
	CHECK(store_name_check("Jan-Willem") == STORE_NAME_OK);
	CHECK(store_name_check("D'Souza") == STORE_NAME_OK);
	CHECK(store_name_check("محمد") == STORE_NAME_OK);         /* Arabic */
	CHECK(store_name_check("Олександра") == STORE_NAME_OK);   /* Ukrainian */
	CHECK(store_name_check("ዮናስ") == STORE_NAME_OK);          /* Tigrinya */
	CHECK(store_name_check("Zoë Çelik") == STORE_NAME_OK);
	CHECK(store_name_check("") == STORE_NAME_EMPTY);
	CHECK(store_name_check(" Ali") == STORE_NAME_SPACES);
	CHECK(store_name_check("😀") == STORE_NAME_BAD_CHAR);
	CHECK(store_name_check("Ali 👍") == STORE_NAME_BAD_CHAR);
	CHECK(store_name_check("A\u200dB") == STORE_NAME_BAD_CHAR);  /* zero-width joiner */
	CHECK(store_name_check("Ali\u202e") == STORE_NAME_BAD_CHAR); /* a direction override */
	CHECK(store_name_check("<script>") == STORE_NAME_BAD_CHAR);
	CHECK(store_name_check("tab\there") == STORE_NAME_BAD_CHAR);
	CHECK(store_name_check("\xff\xfe") == STORE_NAME_BAD_CHAR); /* not UTF-8 */
	char long_name[201];
	memset(long_name, 'a', 200);
	long_name[200] = 0;
	CHECK(store_name_check(long_name) == STORE_NAME_TOO_LONG);
	long_name[30] = 0;
	CHECK(store_name_check(long_name) == STORE_NAME_OK);
	long_name[30] = 'a';
	long_name[31] = 0;
	CHECK(store_name_check(long_name) == STORE_NAME_TOO_LONG);
	/* 30 Arabic letters are 60 bytes: still one name. */
	char arabic[200] = "";
	for (int i = 0; i < 30; i++)
		strcat(arabic, "م");
	CHECK(store_name_check(arabic) == STORE_NAME_OK);
}

static void test_pin(void)
{
	char dir[] = "/tmp/lp-guard-XXXXXX";
	struct store *s = open_store(dir);
	CHECK(s != NULL);
	if (!s)
		return;
	int wait = -1;
	CHECK(!guard_pin_valid("12345"));
	CHECK(!guard_pin_valid("12345a"));
	CHECK(!guard_pin_valid("1234567890123"));
	CHECK(guard_pin_valid("246810"));
	CHECK(!guard_pin_is_set(s));
	CHECK(guard_pin_try(s, "246810", &wait) == GUARD_ERROR); /* no PIN yet: nobody gets in */
	CHECK(guard_pin_set(s, "246810"));
	CHECK(guard_pin_is_set(s));
	char h[STORE_CODE_HASH_MAX];
	CHECK(store_setting_text(s, "pin", h, sizeof h) && !strncmp(h, "$argon2id$", 10) && !strstr(h, "246810"));
	CHECK(guard_pin_try(s, "246810", &wait) == GUARD_OK && wait == 0);

	/* Five wrong guesses go free; the fifth starts a 30 s wait. */
	for (int i = 1; i <= 5; i++) {
		CHECK(guard_pin_try(s, "000000", &wait) == GUARD_WRONG);
		CHECK(wait == (i < 5 ? 0 : 30));
	}
	/* (a second or two may pass: Argon2id is slow under valgrind) */
	CHECK(guard_pin_wait(s) >= 27 && guard_pin_wait(s) <= 30);
	/* Even the right PIN is not checked while waiting. */
	CHECK(guard_pin_try(s, "246810", &wait) == GUARD_WAIT && wait >= 27 && wait <= 30);
	/* The wait survives a restart. */
	store_destroy(s);
	char err[600];
	s = store_open(dir, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(guard_pin_wait(s) >= 25);
	/* After the wait, one more wrong guess doubles it. */
	store_set_clock_offset(s, 31 * 1000);
	CHECK(guard_pin_wait(s) == 0);
	CHECK(guard_pin_try(s, "111111", &wait) == GUARD_WRONG && wait == 60);
	/* A clock that jumps back a year does not lock supervisors out for a
	 * year, nor does it wipe the wait. */
	store_set_clock_offset(s, -YEAR);
	wait = guard_pin_wait(s);
	CHECK(wait > 0 && wait <= 60);
	store_set_clock_offset(s, -YEAR + 61 * 1000);
	CHECK(guard_pin_wait(s) == 0);
	CHECK(guard_pin_try(s, "246810", &wait) == GUARD_OK);
	CHECK(guard_pin_wait(s) == 0);

	/* Never more than 100 checked guesses in an hour, whatever the
	 * failures: 100 recorded checks close the door until the oldest is an
	 * hour old. */
	int64_t now = store_now_ms(s);
	for (int i = 0; i < 100; i++)
		CHECK(store_pin_note(s, now - 50 * 60 * 1000LL + i, 0, 0));
	wait = guard_pin_wait(s);
	CHECK(wait > 9 * 60 && wait <= 10 * 60);
	CHECK(guard_pin_try(s, "246810", &wait) == GUARD_WAIT);
	store_set_clock_offset(s, -YEAR + 61 * 1000 + 11 * 60 * 1000LL);
	CHECK(guard_pin_wait(s) == 0);
	CHECK(guard_pin_try(s, "246810", &wait) == GUARD_OK);
	store_destroy(s);
}

static void test_codes(void)
{
	int c[GUARD_CODE_LEN];
	CHECK(guard_code_parse("apple-key-hat", c) && c[0] == 0 && c[1] == 2 && c[2] == 8);
	CHECK(guard_code_parse("1-12-5", c) && c[0] == 0 && c[1] == 11 && c[2] == 4);
	CHECK(guard_code_parse("shoe-shoe-shoe", c) && c[0] == 11 && c[2] == 11);
	CHECK(!guard_code_parse("apple-key", c));
	CHECK(!guard_code_parse("apple-key-hat-pear", c));
	CHECK(!guard_code_parse("apple-key-dragon", c));
	CHECK(!guard_code_parse("0-1-2", c));
	CHECK(!guard_code_parse("13-1-2", c));
	CHECK(!guard_code_parse("apple--key", c));
	CHECK(!guard_code_parse("", c));

	char dir[] = "/tmp/lp-guard-XXXXXX";
	struct store *s = open_store(dir);
	CHECK(s != NULL);
	if (!s)
		return;
	char id[LP_ID_LEN + 1], hash[STORE_CODE_HASH_MAX];
	int code[GUARD_CODE_LEN] = {0, 2, 8}, wrong[GUARD_CODE_LEN] = {8, 2, 0}, left = -1;
	CHECK(guard_code_hash(code, hash));
	CHECK(store_learner_add_code(s, "Fatma", 2, hash, id));
	struct store_learner l;
	CHECK(store_learner_get(s, id, &l) && l.has_code && l.code_fails == 0 && !guard_code_locked(&l));
	CHECK(guard_code_try(s, id, code, &left) == GUARD_OK);
	for (int i = 1; i <= 4; i++)
		CHECK(guard_code_try(s, id, wrong, &left) == GUARD_WRONG && left == 5 - i);
	CHECK(guard_code_try(s, id, wrong, &left) == GUARD_LOCKED && left == 0);
	CHECK(store_learner_get(s, id, &l) && guard_code_locked(&l));
	/* Locked: not even the right code opens it. */
	CHECK(guard_code_try(s, id, code, &left) == GUARD_LOCKED);
	/* A supervisor unlocks it; the code is the same. */
	CHECK(store_learner_set_fails(s, id, 0));
	CHECK(guard_code_try(s, id, code, &left) == GUARD_OK);
	/* A right code clears earlier wrong tries. */
	CHECK(guard_code_try(s, id, wrong, &left) == GUARD_WRONG && left == 4);
	CHECK(guard_code_try(s, id, code, &left) == GUARD_OK);
	CHECK(store_learner_get(s, id, &l) && l.code_fails == 0);
	/* A new code replaces the old one and unlocks. */
	for (int i = 0; i < 5; i++)
		guard_code_try(s, id, wrong, &left);
	CHECK(guard_code_set(s, id, wrong));
	CHECK(store_learner_get(s, id, &l) && !guard_code_locked(&l));
	CHECK(guard_code_try(s, id, code, &left) == GUARD_WRONG);
	CHECK(guard_code_try(s, id, wrong, &left) == GUARD_OK);
	/* No code at all: signing in needs none. */
	CHECK(guard_code_set(s, id, NULL));
	CHECK(store_learner_get(s, id, &l) && !l.has_code);
	CHECK(guard_code_try(s, id, wrong, &left) == GUARD_OK);

	/* Profile changes carry a new version each, for sync. */
	CHECK(store_learner_rename(s, id, "Fatima"));
	CHECK(!store_learner_rename(s, id, "😀"));
	CHECK(store_problem(s) == STORE_PROBLEM_INPUT);
	CHECK(store_learner_set_avatar(s, id, 5));
	CHECK(store_learner_get(s, id, &l) && !strcmp(l.name, "Fatima") && l.avatar == 5);
	CHECK(!store_learner_rename(s, "0123456789abcdef0123456789abcdef", "Piet"));
	/* Erasure takes the code with it. */
	CHECK(guard_code_set(s, id, code));
	CHECK(store_learner_erase(s, id));
	CHECK(!store_learner_code_hash(s, id, hash, sizeof hash));
	store_destroy(s);
}

int main(void)
{
	if (!secret_init()) {
		fprintf(stderr, "libsodium did not start\n");
		return 1;
	}
	test_names();
	test_pin();
	test_codes();
	return test_done();
}
