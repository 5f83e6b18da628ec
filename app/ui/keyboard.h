/* The large on-screen keyboard (names, and the `keyboard` step): letters,
 * the accented letters Dutch uses, hyphen, space, capitals and erase. Its
 * keys are one action with these arguments. */
#ifndef LP_KEYBOARD_H
#define LP_KEYBOARD_H

#include "widgets.h"

enum { KEYBOARD_SHIFT = 1000, KEYBOARD_ERASE, KEYBOARD_SPACE, KEYBOARD_LAYER };

/* Width of the keyboard at this size. */
int keyboard_width(struct build *b);
/* Lays the keyboard out centred on cx from y; returns its height. Letter
 * keys show capitals while shift is on. */
int add_keyboard(struct build *b, int cx, int y, bool shift, int action);
/* The same with a second layer of digits and signs, reached by a "123"
 * key: signs (UTF-8, may be empty) are offered first, then common ones,
 * so every sign an answer needs is there. *digits tells which layer shows. */
int add_keyboard_layers(struct build *b, int cx, int y, bool shift, bool digits, const char *signs, int action);
bool keyboard_press_layers(char *buf, size_t cap, bool *shift, bool *digits, const char *signs, int arg);
/* Applies a key to buf: a letter (capital when *shift, which then goes
 * off), erase, or a space (never first, never two). Returns whether buf
 * changed. */
bool keyboard_press(char *buf, size_t cap, bool *shift, int arg);
/* Adds typed text (a physical keyboard) the same way. */
bool keyboard_type(char *buf, size_t cap, bool *shift, const char *s);

#endif
