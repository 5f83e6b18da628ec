/* Line breaking for the draw list. Break opportunities come from
 * libunibreak (UAX #14), so Dutch compounds with hyphens, Arabic and
 * Ethiopic wrap where their readers expect; widths come from the
 * platform's shaper through ui_text_metrics, so what is measured here is
 * what is drawn. The paragraph direction is that of the first strong
 * character (fribidi's tables), which decides the alignment. */
#include "ui.h"

#include <fribidi.h>
#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

static int measure(const struct ui_text_metrics *m, const char *s, size_t n, int px, bool bold)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--; /* trailing spaces take no room at a line end */
	return n ? m->width(m->ud, s, n, px, bold) : 0;
}

static bool paragraph_rtl(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += (size_t)util_utf8_decode(s + i, n - i, &cp);
		FriBidiCharType t = fribidi_get_bidi_type(cp);
		if (FRIBIDI_IS_STRONG(t))
			return FRIBIDI_IS_RTL(t);
	}
	return false;
}

struct lines {
	struct ui_line *v;
	int n, cap;
	struct arena *a;
};

static void push(struct lines *L, const struct ui_text_metrics *m, const char *text, size_t from, size_t to,
                 int px, bool bold)
{
	if (L->n == L->cap) {
		int cap = L->cap ? L->cap * 2 : 8;
		struct ui_line *v = arena_alloc(L->a, (size_t)cap * sizeof *v);
		if (L->n)
			memcpy(v, L->v, (size_t)L->n * sizeof *v);
		L->v = v;
		L->cap = cap;
	}
	size_t len = to - from;
	while (len > 0 && (text[from + len - 1] == ' ' || text[from + len - 1] == '\n'))
		len--;
	int lh = px * 3 / 2;
	L->v[L->n] = (struct ui_line){.off = (int)from, .len = (int)len, .x = 0, .y = L->n * lh,
	                              .w = measure(m, text + from, len, px, bold), .h = lh};
	L->n++;
}

/* Largest end in (from, limit] that fits, cutting between code points;
 * at least one code point so the loop always advances. */
static size_t fit_chars(const struct ui_text_metrics *m, const char *text, size_t from, size_t limit, int px,
                        bool bold, int max_w)
{
	uint32_t cp;
	size_t end = from + (size_t)util_utf8_decode(text + from, limit - from, &cp);
	while (end < limit) {
		size_t next = end + (size_t)util_utf8_decode(text + end, limit - end, &cp);
		if (measure(m, text + from, next - from, px, bold) > max_w)
			break;
		end = next;
	}
	return end;
}

int ui_text_wrap(const struct ui_text_metrics *m, struct arena *a, const char *text, int px, bool bold,
                 int max_w, struct ui_line **lines, bool *rtl)
{
	size_t n = strlen(text);
	struct lines L = {.a = a};
	*rtl = paragraph_rtl(text, n);
	if (n == 0) {
		push(&L, m, text, 0, 0, px, bold);
		*lines = L.v;
		return L.n;
	}
	char *brk = malloc(n);
	if (!brk) {
		push(&L, m, text, 0, n, px, bold);
		*lines = L.v;
		return L.n;
	}
	set_linebreaks_utf8((const utf8_t *)text, n, NULL, brk);
	size_t start = 0, fit = 0; /* fit: end of the longest piece known to fit */
	for (size_t i = 0; i < n; i++) {
		if (brk[i] != LINEBREAK_ALLOWBREAK && brk[i] != LINEBREAK_MUSTBREAK)
			continue;
		size_t end = i + 1;
		while (measure(m, text + start, end - start, px, bold) > max_w) {
			if (fit > start) {
				push(&L, m, text, start, fit, px, bold);
				start = fit;
				fit = start;
			} else {
				/* One word wider than the line: cut it. */
				size_t cut = fit_chars(m, text, start, end, px, bold, max_w);
				push(&L, m, text, start, cut, px, bold);
				start = fit = cut;
			}
			if (start >= end)
				break;
		}
		fit = end;
		if (brk[i] == LINEBREAK_MUSTBREAK && i + 1 < n) {
			push(&L, m, text, start, end, px, bold);
			start = fit = end;
		}
	}
	if (start < n || L.n == 0)
		push(&L, m, text, start, n, px, bold);
	free(brk);
	*lines = L.v;
	return L.n;
}
