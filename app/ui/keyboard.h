/* The large on-screen keyboard (names, and the `keyboard` step): letters,
 * the accented letters Dutch uses, hyphen, space, capitals and erase. Its
 * keys are one action with these arguments. */
#ifndef LP_KEYBOARD_H
#define LP_KEYBOARD_H

#include "widgets.h"

enum { KEYBOARD_SHIFT = 1000, KEYBOARD_ERASE, KEYBOARD_SPACE };

/* Width of the keyboard at this size. */
int keyboard_width(struct build *b);
/* Lays the keyboard out centred on cx from y; returns its height. Letter
 * keys show capitals while shift is on. */
int add_keyboard(struct build *b, int cx, int y, bool shift, int action);
/* Applies a key to buf: a letter (capital when *shift, which then goes
 * off), erase, or a space (never first, never two). Returns whether buf
 * changed. */
bool keyboard_press(char *buf, size_t cap, bool *shift, int arg);
/* Adds typed text (a physical keyboard) the same way. */
bool keyboard_type(char *buf, size_t cap, bool *shift, const char *s);

#endif
