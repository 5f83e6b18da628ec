/* The supervisor's exports (SPEC.md "Exports", issue 6): one folder
 * OUT/SITE-YYYYMMDD-HHMM/ with results.csv (spreadsheets), statements.jsonl
 * (xAPI 1.0.3, for a Learning Record Store) and report.html (printable, one
 * self-contained file), and the printable code cards, which are never part
 * of an export. Everything is written as a stick wants it: a temporary
 * file, fsync, rename, fsync the folder. No picture code, PIN or key is
 * ever read for an export, so none can end up in one. */
#ifndef LP_EXPORT_H
#define LP_EXPORT_H

#include "lesson.h"
#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct export_summary {
	char folder[4096]; /* the folder written, OUT/SITE-YYYYMMDD-HHMM */
	int learners;      /* not erased */
	int rows;          /* of results.csv, the header not counted */
	int statements;
	int certificates;
	char message[600]; /* on failure: what went wrong, for a person */
};

/* Writes the three files into a new folder inside out_dir (made when it
 * is missing; its parent must exist), named after the setting "site" and
 * now_ms in local time ("-2", "-3", ... when that folder exists already:
 * an export never replaces another). lessons gives titles, DigComp
 * competences and routes (cards are enough). Returns false with
 * sum->message on failure, leaving no half-written file behind. */
bool export_write(struct store *s, const struct lesson_set *lessons, const char *out_dir, int64_t now_ms,
                  struct export_summary *sum);

/* One printable code card: a learner's first name, their avatar and the 3
 * pictures of their code in order, as the names of their files
 * (assets/avatars/NAME.svg, assets/code/NAME.svg), with the words to print
 * under the pictures (NULL: the file names). */
struct export_card {
	const char *name;
	const char *avatar;
	const char *pictures[3];
	const char *words[3];
};

/* Writes leerplek_dir/codes-YYYYMMDD-HHMM.html, a page per card, with the
 * pictures inlined from assets_dir. Codes are stored only as Argon2id
 * hashes, so the caller must be the one that knows the pictures: the
 * moment a code is set. path (may be NULL) receives the file written. */
bool export_code_cards(const char *leerplek_dir, const char *assets_dir, const struct export_card *cards, int n,
                       int64_t now_ms, char *path, size_t path_len, char *err, size_t err_len);

/* ---- pieces, public for the tests ---- */

/* One text cell of results.csv as written: a cell that a spreadsheet
 * would evaluate (it starts with = + - @, a tab, CR or LF, or their
 * full-width forms) gets a leading apostrophe (OWASP, "CSV injection"),
 * and a cell with ; " CR or LF is quoted (RFC 4180). malloc'd. */
char *export_csv_cell(const char *text);
/* A UUID version 5 (RFC 4122, SHA-1) of name in Leerplek's namespace for
 * statements, 2bd8a2f9-2cbf-505c-808d-dcab618b5254 (itself the version 5
 * UUID of the URL "urn:leerplek:xapi:statement"), in lower case. */
void export_uuid5(const char *name, char out[37]);
/* A name made safe for a folder on a FAT stick: ASCII letters and digits
 * (accented Latin letters lose their accents), other runs become one '-';
 * at most 40 characters; "leerplek" when nothing is left. */
void export_safe_name(const char *text, char *out, size_t len);

#endif
