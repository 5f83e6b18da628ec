/* A first check of sync: two terminals and a stick. */
#include "../../app/core/secret.h"
#include "../../app/core/store.h"
#include "../../app/core/sync.h"
#include "../unit/test.h"

#include <sys/stat.h>

static struct store *term(const char *dir)
{
	char err[600];
	mkdir(dir, 0755);
	return store_open(dir, err, sizeof err);
}

static void on_reject(void *ud, const char *name, enum sync_reject why)
{
	(void)ud;
	fprintf(stderr, "rejected %s: %s\n", name, sync_reject_text(why));
}

int main(void)
{
	CHECK(secret_init());
	char root[] = "/tmp/lp-sync-XXXXXX";
	if (!mkdtemp(root))
		return 1;
	char a_dir[300], b_dir[300], stick[300], lp[320];
	snprintf(a_dir, sizeof a_dir, "%s/a", root);
	snprintf(b_dir, sizeof b_dir, "%s/b", root);
	snprintf(stick, sizeof stick, "%s/stick", root);
	snprintf(lp, sizeof lp, "%s/LEERPLEK", stick);
	mkdir(stick, 0755);
	mkdir(lp, 0755);
	struct store *a = term(a_dir), *b = term(b_dir);
	CHECK(a && b);
	char code[SYNC_CODE_MAX], typed[SYNC_CODE_MAX], canon[SYNC_CODE_MAX];
	uint8_t ka[SYNC_KEY_BYTES], kb[SYNC_KEY_BYTES];
	CHECK(sync_org_code_new(code));
	snprintf(typed, sizeof typed, "%s", code);
	for (char *p = typed; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	CHECK(sync_org_code_parse(typed, canon) && !strcmp(canon, code));
	CHECK(sync_org_key(code, ka) && sync_org_key(canon, kb) && !memcmp(ka, kb, sizeof ka));
	char id1[LP_ID_LEN + 1], id2[LP_ID_LEN + 1], at[LP_ID_LEN + 1];
	CHECK(store_learner_add(a, "Fatma", 1, id1));
	CHECK(store_learner_add(b, "Piotr", 2, id2));
	struct store_attempt x = {.learner_id = id1, .lesson_id = "tap-hold-drag", .lesson_version = 1, .step = 2,
	                          .correct = true, .answer = "1"};
	CHECK(store_attempt_add(a, &x, at));
	x.learner_id = id2;
	CHECK(store_attempt_add(b, &x, at));
	struct sync_options o = {.reject = on_reject};
	struct sync_summary s1, s2, s3, s4;
	CHECK(sync_run(a, stick, ka, &o, &s1) && s1.bundles_written == 1 && s1.bundles_read == 0);
	CHECK(sync_run(b, stick, kb, &o, &s2) && s2.bundles_read == 1 && s2.bundles_written == 1);
	printf("b: read %d, received %d, sent %d, %s\n", s2.bundles_read, s2.records_received, s2.records_sent, s2.message);
	CHECK(sync_run(a, stick, ka, &o, &s3) && s3.bundles_read == 1 && s3.bundles_written == 0);
	char *da = sync_dump(a), *db = sync_dump(b);
	CHECK(da && db && !strcmp(da, db));
	if (da && db && strcmp(da, db))
		fprintf(stderr, "A:\n%s\nB:\n%s\n", da, db);
	free(da);
	free(db);
	/* nothing new: nothing read or written */
	CHECK(sync_run(b, stick, kb, &o, &s4) && s4.bundles_read == 0 && s4.bundles_written == 0 && s4.complete);
	/* erasure travels and the name leaves the stick */
	CHECK(store_learner_erase(a, id2));
	CHECK(sync_run(a, stick, ka, &o, &s1));
	printf("a after erase: written %d removed %d\n", s1.bundles_written, s1.bundles_removed);
	CHECK(sync_run(b, stick, kb, &o, &s2) && s2.erasures_received == 1);
	struct store_learner l;
	CHECK(!store_learner_get(b, id2, &l));
	da = sync_dump(a), db = sync_dump(b);
	CHECK(da && db && !strcmp(da, db) && !strstr(da, "Piotr"));
	free(da);
	free(db);
	/* a foreign organisation's key reads nothing */
	uint8_t kc[SYNC_KEY_BYTES];
	char other[SYNC_CODE_MAX];
	sync_org_code_new(other);
	sync_org_key(other, kc);
	struct store *c = term(root[0] ? "/tmp/lp-sync-c" : "");
	struct sync_summary s5;
	CHECK(c && sync_run(c, stick, kc, &o, &s5) && s5.bundles_read == 0 && s5.rejected > 0);
	store_destroy(a);
	store_destroy(b);
	store_destroy(c);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "grep -rl Piotr %s/a %s/b %s/stick", root, root, root);
	CHECK(system(cmd) != 0);
	return test_done();
}
