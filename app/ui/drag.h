/* Dragging an item of a view onto another (the order and match views):
 * which item a pointer holds, where it went down, where it is now, and
 * whether it has moved far enough to be a drag rather than a tap. Pure
 * (no SDL, no drawing): the state is DRAG_SLOTS ints of the caller's
 * scratch, so a view keeps it in struct player as it keeps the rest. */
#ifndef LP_DRAG_H
#define LP_DRAG_H

#include "ui.h"

#include <stdbool.h>

/* A drag may wander this far and still be a tap; the same tolerance the
 * app gives a tap. */
#define DRAG_SLOP_MM 5

/* The slots of a drag's state, from the int the caller passes. */
enum {
	DRAG_ITEM,    /* the item a pointer holds, or -1 */
	DRAG_POINTER, /* which pointer */
	DRAG_X0,      /* where it went down */
	DRAG_Y0,
	DRAG_X, /* where it is now */
	DRAG_Y,
	DRAG_MOVING, /* it moved past the tolerance */
	DRAG_SLOTS,
};

/* Nothing held (a step shown afresh). */
void drag_reset(int *d);
/* Whether an item is held and has moved: the view shows it in the hand. */
bool drag_moving(const int *d);
/* Feeds ev to the drag. under is the item under a pointer down, or -1;
 * it is read only on a down, when nothing is held yet. Returns the item
 * dropped (a drag that moved, ended by its own pointer going up at ev->x,
 * ev->y), else -1; the view decides what a drop there means. A drop does
 * not stop the tap the app may see as well. */
int drag_input(int *d, const struct ui_event *ev, int under, double px_per_mm);
/* Where the held item's card is drawn: its place from, moved with the
 * pointer and kept inside area. */
struct ui_rect drag_follow(const int *d, struct ui_rect from, struct ui_rect area);

#endif
