/* Text rendering. A line is split into runs of one embedding level
 * (fribidi, UAX #9) and one font (Latin and Cyrillic in Andika, Arabic and
 * Ethiopic in Noto); runs are placed in visual order and each is shaped by
 * SDL2_ttf's HarfBuzz with its script and direction, so Arabic joins and
 * runs right to left inside a left-to-right layout and the other way round.
 * Widths and line textures are cached: a frame that shows the same words
 * again rasterises nothing. */
#include "text.h"
#include "../core/log.h"
#include "../core/util.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

enum face { FACE_LATIN, FACE_LATIN_BOLD, FACE_ARABIC, FACE_ARABIC_BOLD, FACE_ETHIOPIC, FACE_ETHIOPIC_BOLD, N_FACES };

static const struct {
	const char *family;
	bool bold;
	bool required;
} faces[N_FACES] = {
	{"Andika", false, true},           {"Andika", true, true},
	{"Noto Sans Arabic", false, false}, {"Noto Sans Arabic", true, false},
	{"Noto Sans Ethiopic", false, false}, {"Noto Sans Ethiopic", true, false},
};

#define MAX_SIZES 24
#define CACHE_SLOTS 2048 /* power of two */
#define CACHE_KEEP_FRAMES 90

struct font_size {
	int px;
	TTF_Font *font[N_FACES];
};

struct cache_entry {
	char *key; /* NULL when free */
	uint64_t hash;
	int px;
	bool bold;
	int width;
	SDL_Texture *tex;
	int tw, th;
	int ox; /* where the pen starts in tex: the first glyph's ink left of it */
	unsigned last_frame;
};

struct text {
	SDL_Renderer *renderer;
	char *path[N_FACES];
	struct font_size sizes[MAX_SIZES];
	int n_sizes;
	struct cache_entry *cache;
	int cache_used;
	unsigned frame;
	uint32_t *u32;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	size_t cap;
	TTF_Font *probe[N_FACES]; /* small faces, to ask which glyphs each has */
};

static char *find_font(const char *family, bool bold, bool exact)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	FcPattern *match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	char *out = NULL;
	if (match) {
		FcChar8 *file = NULL, *fam = NULL;
		if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
		    FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch &&
		    (!exact || strcasecmp((const char *)fam, family) == 0))
			out = util_strdup((const char *)file);
		FcPatternDestroy(match);
	}
	return out;
}

struct text *text_create(SDL_Renderer *r, char *err, size_t errlen)
{
	if (!TTF_WasInit() && TTF_Init() != 0) {
		snprintf(err, errlen, "cannot start the font library: %s", TTF_GetError());
		return NULL;
	}
	if (!FcInit()) {
		snprintf(err, errlen, "cannot start fontconfig");
		return NULL;
	}
	struct text *t = calloc(1, sizeof *t);
	t->renderer = r;
	for (int i = 0; i < N_FACES; i++) {
		t->path[i] = find_font(faces[i].family, faces[i].bold, true);
		if (!t->path[i] && faces[i].required) {
			LOG(WARN, "font %s is not installed (Debian package fonts-sil-andika); using the system's sans-serif",
			    faces[i].family);
			t->path[i] = find_font("sans-serif", faces[i].bold, false);
		}
		if (!t->path[i] && faces[i].required) {
			snprintf(err, errlen, "no font found: install the Debian package fonts-sil-andika");
			text_destroy(t);
			return NULL;
		}
		if (!t->path[i]) {
			LOG(WARN, "font %s is not installed (Debian package fonts-noto-core); that script falls back to %s",
			    faces[i].family, faces[FACE_LATIN].family);
			t->path[i] = util_strdup(t->path[faces[i].bold ? FACE_LATIN_BOLD : FACE_LATIN]);
		}
	}
	/* Prove the main face opens now, not in the middle of a frame. */
	TTF_Font *f = TTF_OpenFont(t->path[FACE_LATIN], 12);
	if (!f) {
		snprintf(err, errlen, "cannot open the font %s: %s", t->path[FACE_LATIN], TTF_GetError());
		text_destroy(t);
		return NULL;
	}
	TTF_CloseFont(f);
	for (int i = 0; i < N_FACES; i++)
		t->probe[i] = t->path[i] ? TTF_OpenFont(t->path[i], 12) : NULL;
	t->cache = calloc(CACHE_SLOTS, sizeof *t->cache);
	return t;
}

static void entry_free(struct cache_entry *e)
{
	free(e->key);
	if (e->tex)
		SDL_DestroyTexture(e->tex);
	memset(e, 0, sizeof *e);
}

void text_destroy(struct text *t)
{
	if (!t)
		return;
	for (int i = 0; t->cache && i < CACHE_SLOTS; i++)
		entry_free(&t->cache[i]);
	free(t->cache);
	for (int i = 0; i < t->n_sizes; i++)
		for (int f = 0; f < N_FACES; f++)
			if (t->sizes[i].font[f])
				TTF_CloseFont(t->sizes[i].font[f]);
	for (int i = 0; i < N_FACES; i++) {
		if (t->probe[i])
			TTF_CloseFont(t->probe[i]);
		free(t->path[i]);
	}
	free(t->u32);
	free(t->types);
	free(t->brackets);
	free(t->levels);
	free(t);
}

const char *text_font_path(const struct text *t, int face)
{
	return face >= 0 && face < N_FACES ? t->path[face] : NULL;
}

static TTF_Font *font(struct text *t, enum face face, int px)
{
	struct font_size *fs = NULL;
	for (int i = 0; i < t->n_sizes; i++)
		if (t->sizes[i].px == px)
			fs = &t->sizes[i];
	if (!fs) {
		if (t->n_sizes == MAX_SIZES) {
			/* Many sizes means a resize storm; start over rather than grow. */
			for (int i = 0; i < t->n_sizes; i++)
				for (int f = 0; f < N_FACES; f++)
					if (t->sizes[i].font[f])
						TTF_CloseFont(t->sizes[i].font[f]);
			t->n_sizes = 0;
		}
		fs = &t->sizes[t->n_sizes++];
		memset(fs, 0, sizeof *fs);
		fs->px = px;
	}
	if (!fs->font[face]) {
		fs->font[face] = TTF_OpenFont(t->path[face], px);
		if (!fs->font[face]) {
			LOG(ERROR, "cannot open font %s: %s", t->path[face], TTF_GetError());
			if (face != FACE_LATIN)
				return font(t, FACE_LATIN, px);
			return NULL;
		}
		TTF_SetFontHinting(fs->font[face], TTF_HINTING_LIGHT);
	}
	return fs->font[face];
}

/* ---- runs ---- */

enum script { SCRIPT_LATIN, SCRIPT_ARABIC, SCRIPT_ETHIOPIC };

static int script_of(uint32_t c)
{
	if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
	    (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
		return SCRIPT_ARABIC;
	if ((c >= 0x1200 && c <= 0x139F) || (c >= 0x2D80 && c <= 0x2DDF) || (c >= 0xAB00 && c <= 0xAB2F))
		return SCRIPT_ETHIOPIC;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F) || (c >= 0x400 && c <= 0x52F))
		return SCRIPT_LATIN;
	return -1; /* neutral: digits, spaces, punctuation */
}

struct run {
	size_t from, to; /* byte offsets */
	int level;
	int script;
};

#define MAX_RUNS 64

static void ensure(struct text *t, size_t n)
{
	if (n <= t->cap)
		return;
	size_t cap = n + 64;
	t->u32 = realloc(t->u32, cap * sizeof *t->u32);
	t->types = realloc(t->types, cap * sizeof *t->types);
	t->brackets = realloc(t->brackets, cap * sizeof *t->brackets);
	t->levels = realloc(t->levels, cap * sizeof *t->levels);
	t->cap = cap;
}

/* Splits s[0..n) into runs in visual order; returns the count. */
static int split_runs(struct text *t, const char *s, size_t n, struct run *runs)
{
	ensure(t, n + 1);
	size_t *offs = malloc((n + 1) * sizeof *offs);
	int *scripts = malloc((n + 1) * sizeof *scripts);
	size_t len = 0;
	for (size_t i = 0; i < n;) {
		offs[len] = i;
		i += (size_t)util_utf8_decode(s + i, n - i, &t->u32[len]);
		len++;
	}
	offs[len] = n;
	fribidi_get_bidi_types(t->u32, (FriBidiStrIndex)len, t->types);
	fribidi_get_bracket_types(t->u32, (FriBidiStrIndex)len, t->types, t->brackets);
	FriBidiParType dir = FRIBIDI_PAR_ON;
	if (!fribidi_get_par_embedding_levels_ex(t->types, t->brackets, (FriBidiStrIndex)len, &dir, t->levels))
		memset(t->levels, 0, len * sizeof *t->levels);
	/* Neutrals take the script of the strong character before them (or
	 * after, at the start), so "12 أيام" keeps its digits with the run. */
	int last = -1;
	for (size_t i = 0; i < len; i++) {
		scripts[i] = script_of(t->u32[i]);
		if (scripts[i] >= 0)
			last = scripts[i];
		else
			scripts[i] = last;
	}
	int next = SCRIPT_LATIN;
	for (size_t i = len; i-- > 0;) {
		if (scripts[i] >= 0)
			next = scripts[i];
		else
			scripts[i] = next;
	}
	/* A digit or sign the run's face lacks (Noto Sans Ethiopic has no
	 * digits or ASCII punctuation; Noto Sans Arabic lacks quotes and the
	 * middle dot) is drawn with the Latin face instead of a box. */
	for (size_t i = 0; i < len; i++) {
		if (scripts[i] == SCRIPT_LATIN || script_of(t->u32[i]) >= 0)
			continue;
		enum face face = scripts[i] == SCRIPT_ARABIC ? FACE_ARABIC : FACE_ETHIOPIC;
		if (t->probe[face] && !TTF_GlyphIsProvided32(t->probe[face], t->u32[i]))
			scripts[i] = SCRIPT_LATIN;
	}
	int nr = 0;
	for (size_t i = 0; i < len;) {
		size_t j = i + 1;
		while (j < len && t->levels[j] == t->levels[i] && scripts[j] == scripts[i])
			j++;
		if (nr == MAX_RUNS) {
			runs[nr - 1].to = offs[len];
			break;
		}
		runs[nr++] = (struct run){offs[i], offs[j], t->levels[i], scripts[i]};
		i = j;
	}
	free(offs);
	free(scripts);
	/* Visual order (UAX #9 L2): from the highest level down to the lowest
	 * odd one, reverse every sequence of runs at that level or above. */
	int hi = 0, lo_odd = 127;
	for (int i = 0; i < nr; i++) {
		if (runs[i].level > hi)
			hi = runs[i].level;
		if ((runs[i].level & 1) && runs[i].level < lo_odd)
			lo_odd = runs[i].level;
	}
	for (int lvl = hi; lvl >= lo_odd && lvl > 0; lvl--) {
		for (int i = 0; i < nr;) {
			if (runs[i].level < lvl) {
				i++;
				continue;
			}
			int j = i;
			while (j < nr && runs[j].level >= lvl)
				j++;
			for (int a = i, b = j - 1; a < b; a++, b--) {
				struct run tmp = runs[a];
				runs[a] = runs[b];
				runs[b] = tmp;
			}
			i = j;
		}
	}
	return nr;
}

static TTF_Font *run_font(struct text *t, const struct run *r, int px, bool bold)
{
	enum face face = r->script == SCRIPT_ARABIC ? FACE_ARABIC : r->script == SCRIPT_ETHIOPIC ? FACE_ETHIOPIC : FACE_LATIN;
	TTF_Font *f = font(t, (enum face)(face + (bold ? 1 : 0)), px);
	if (!f)
		return NULL;
	static const char *const names[] = {"Latn", "Arab", "Ethi"};
	TTF_SetFontScriptName(f, names[r->script]);
	TTF_SetFontDirection(f, (r->level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	return f;
}

/* ---- cache ---- */

static uint64_t hash_key(const char *s, size_t n, int px, bool bold)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	h = (h ^ (uint64_t)px) * 1099511628211ULL;
	return (h ^ (uint64_t)bold) * 1099511628211ULL;
}

static struct cache_entry *lookup(struct text *t, const char *s, size_t n, int px, bool bold, bool create)
{
	uint64_t h = hash_key(s, n, px, bold);
	size_t mask = CACHE_SLOTS - 1;
	struct cache_entry *free_slot = NULL;
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		struct cache_entry *e = &t->cache[(h + i) & mask];
		if (!e->key) {
			free_slot = e;
			break;
		}
		if (e->hash == h && e->px == px && e->bold == bold && strlen(e->key) == n && !memcmp(e->key, s, n))
			return e;
	}
	if (!create)
		return NULL;
	if (!free_slot || t->cache_used > CACHE_SLOTS * 3 / 4) {
		/* Full: drop everything not used this frame, then retry. */
		for (int i = 0; i < CACHE_SLOTS; i++)
			if (t->cache[i].key && t->cache[i].last_frame != t->frame) {
				entry_free(&t->cache[i]);
				t->cache_used--;
			}
		/* Entries moved out of their probe chains: rebuild the table. */
		struct cache_entry *old = t->cache;
		t->cache = calloc(CACHE_SLOTS, sizeof *t->cache);
		t->cache_used = 0;
		for (int i = 0; i < CACHE_SLOTS; i++) {
			if (!old[i].key)
				continue;
			for (size_t j = 0; j < CACHE_SLOTS; j++) {
				struct cache_entry *e = &t->cache[(old[i].hash + j) & mask];
				if (!e->key) {
					*e = old[i];
					t->cache_used++;
					break;
				}
			}
		}
		free(old);
		return lookup(t, s, n, px, bold, t->cache_used < CACHE_SLOTS * 3 / 4);
	}
	*free_slot = (struct cache_entry){.key = util_strndup(s, n), .hash = h, .px = px, .bold = bold, .width = -1};
	t->cache_used++;
	return free_slot;
}

/* How far the ink of a run's visually first glyph reaches left of the pen
 * (a "j" in Andika: 4 px at 36 px). SDL_ttf starts a rendered surface, and
 * counts the width of TTF_SizeUTF8, at the leftmost ink, so without this
 * a line that begins with such a glyph is drawn that much to the right of
 * the others in its paragraph. TTF_GlyphMetrics32 gives the same left edge
 * (the glyph bitmap's) that SDL_ttf lays the line out with. */
static int overhang(TTF_Font *f, const char *s, const struct run *r)
{
	uint32_t cp = 0;
	if (r->level & 1) { /* right to left: the last character is leftmost */
		size_t i = r->to;
		while (i > r->from && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > r->from)
			util_utf8_decode(s + i - 1, r->to - (i - 1), &cp);
	} else if (r->to > r->from) {
		util_utf8_decode(s + r->from, r->to - r->from, &cp);
	}
	int minx = 0;
	if (!cp || TTF_GlyphMetrics32(f, cp, &minx, NULL, NULL, NULL, NULL) != 0)
		return 0;
	return minx < 0 ? -minx : 0;
}

/* Widths count from the pen, not from the ink: the lines of a paragraph
 * line up at their pens, as in any typesetting, and a hook to the left
 * may stand a few pixels out. */
static int measure_uncached(struct text *t, const char *s, size_t n, int px, bool bold)
{
	struct run runs[MAX_RUNS];
	int nr = split_runs(t, s, n, runs);
	int total = 0;
	for (int i = 0; i < nr; i++) {
		TTF_Font *f = run_font(t, &runs[i], px, bold);
		char *piece = util_strndup(s + runs[i].from, runs[i].to - runs[i].from);
		int w = 0, h = 0;
		if (f && TTF_SizeUTF8(f, piece, &w, &h) == 0)
			total += w - overhang(f, s, &runs[i]);
		free(piece);
	}
	return total;
}

static int metrics_width(void *ud, const char *s, size_t n, int px, bool bold)
{
	struct text *t = ud;
	struct cache_entry *e = lookup(t, s, n, px, bold, true);
	if (!e)
		return measure_uncached(t, s, n, px, bold);
	e->last_frame = t->frame;
	if (e->width < 0)
		e->width = measure_uncached(t, s, n, px, bold);
	return e->width;
}

struct ui_text_metrics text_metrics(struct text *t)
{
	return (struct ui_text_metrics){.width = metrics_width, .ud = t};
}

/* A line as one texture; *ox is where its pen starts in it (see overhang). */
static SDL_Texture *render_line(struct text *t, const char *s, size_t n, int px, bool bold, int *tw, int *th, int *ox)
{
	struct run runs[MAX_RUNS];
	int nr = split_runs(t, s, n, runs);
	SDL_Surface *parts[MAX_RUNS] = {0};
	int ascent[MAX_RUNS] = {0}, at[MAX_RUNS] = {0};
	int pen = 0, left = 0, right = 0, up = 0, down = 0;
	SDL_Color white = {255, 255, 255, 255};
	for (int i = 0; i < nr; i++) {
		TTF_Font *f = run_font(t, &runs[i], px, bold);
		char *piece = util_strndup(s + runs[i].from, runs[i].to - runs[i].from);
		if (f && piece[0])
			parts[i] = TTF_RenderUTF8_Blended(f, piece, white);
		free(piece);
		if (parts[i]) {
			/* Each run's surface starts at its ink; its pen lies further in. */
			at[i] = pen - overhang(f, s, &runs[i]);
			pen = at[i] + parts[i]->w;
			if (at[i] < left)
				left = at[i];
			if (pen > right)
				right = pen;
			/* Runs in different fonts share one baseline. */
			ascent[i] = TTF_FontAscent(f);
			if (ascent[i] > up)
				up = ascent[i];
			if (parts[i]->h - ascent[i] > down)
				down = parts[i]->h - ascent[i];
		}
	}
	int w = right - left, h = up + down;
	SDL_Texture *tex = NULL;
	if (w > 0 && h > 0) {
		SDL_Surface *line = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
		if (line) {
			SDL_FillRect(line, NULL, 0);
			for (int i = 0; i < nr; i++) {
				if (!parts[i])
					continue;
				/* Copied, so the edges keep their alpha; where a hook reaches
				 * back into the run before, that run ends in a space. */
				SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
				SDL_Rect dst = {at[i] - left, up - ascent[i], parts[i]->w, parts[i]->h};
				SDL_BlitSurface(parts[i], NULL, line, &dst);
			}
			tex = SDL_CreateTextureFromSurface(t->renderer, line);
			if (tex)
				SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
			SDL_FreeSurface(line);
		}
	}
	for (int i = 0; i < nr; i++)
		SDL_FreeSurface(parts[i]);
	*tw = w;
	*th = h;
	*ox = -left;
	return tex;
}

void text_draw(struct text *t, const char *s, size_t n, int px, bool bold, int x, int y, int h, struct ui_color c)
{
	if (n == 0)
		return;
	struct cache_entry *e = lookup(t, s, n, px, bold, true);
	SDL_Texture *tex;
	int tw, th, ox;
	if (e && e->tex) {
		tex = e->tex;
		tw = e->tw;
		th = e->th;
		ox = e->ox;
	} else {
		tex = render_line(t, s, n, px, bold, &tw, &th, &ox);
		if (!tex)
			return;
		if (e) {
			e->tex = tex;
			e->tw = tw;
			e->th = th;
			e->ox = ox;
		}
	}
	if (e)
		e->last_frame = t->frame;
	SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
	SDL_SetTextureAlphaMod(tex, c.a);
	SDL_Rect dst = {x - ox, y + (h - th) / 2, tw, th}; /* the pen at x */
	SDL_RenderCopy(t->renderer, tex, NULL, &dst);
	if (!e)
		SDL_DestroyTexture(tex);
}

void text_end_frame(struct text *t)
{
	t->frame++;
	/* Textures unseen for a while go; their widths stay (they are small). */
	for (int i = 0; i < CACHE_SLOTS; i++) {
		struct cache_entry *e = &t->cache[i];
		if (e->tex && t->frame - e->last_frame > CACHE_KEEP_FRAMES) {
			SDL_DestroyTexture(e->tex);
			e->tex = NULL;
		}
	}
}
