/* The drag state machine shared by the views that move items by hand
 * (order, match): pointer down on an item, past the tolerance, following
 * the pointer, up. It owns only the tracking; what lies under a point and
 * what a drop does stay with the view, which alone knows its layout.
 *
 * Invariants: one pointer holds an item at a time (a second pointer going
 * down is ignored until the first is up or cancelled); once past the
 * tolerance a drag stays a drag even if it comes back. */
#include "drag.h"

#include <stdlib.h>

void drag_reset(int *d)
{
	d[DRAG_ITEM] = -1;
	d[DRAG_MOVING] = 0;
}

bool drag_moving(const int *d)
{
	return d[DRAG_ITEM] >= 0 && d[DRAG_MOVING];
}

int drag_input(int *d, const struct ui_event *ev, int under, double px_per_mm)
{
	/* truncated, not rounded as the app's tap tolerance is: at most a
	 * pixel tighter, and drags have always been measured so */
	int slop = (int)(DRAG_SLOP_MM * px_per_mm);
	switch (ev->type) {
	case UI_EV_POINTER_DOWN:
		if (d[DRAG_ITEM] >= 0 || under < 0)
			return -1;
		d[DRAG_ITEM] = under;
		d[DRAG_POINTER] = ev->pointer;
		d[DRAG_X0] = d[DRAG_X] = ev->x;
		d[DRAG_Y0] = d[DRAG_Y] = ev->y;
		d[DRAG_MOVING] = 0;
		return -1;
	case UI_EV_POINTER_MOVE:
		if (d[DRAG_ITEM] < 0 || ev->pointer != d[DRAG_POINTER])
			return -1;
		d[DRAG_X] = ev->x;
		d[DRAG_Y] = ev->y;
		if (abs(d[DRAG_X] - d[DRAG_X0]) > slop || abs(d[DRAG_Y] - d[DRAG_Y0]) > slop)
			d[DRAG_MOVING] = 1;
		return -1;
	case UI_EV_POINTER_UP: {
		if (d[DRAG_ITEM] < 0 || ev->pointer != d[DRAG_POINTER])
			return -1;
		int dropped = d[DRAG_MOVING] ? d[DRAG_ITEM] : -1;
		drag_reset(d);
		return dropped;
	}
	case UI_EV_POINTER_CANCEL:
		drag_reset(d);
		return -1;
	default:
		return -1;
	}
}

struct ui_rect drag_follow(const int *d, struct ui_rect from, struct ui_rect area)
{
	struct ui_rect r = from;
	r.x += d[DRAG_X] - d[DRAG_X0];
	r.y += d[DRAG_Y] - d[DRAG_Y0];
	if (r.x < area.x)
		r.x = area.x;
	if (r.x + r.w > area.x + area.w)
		r.x = area.x + area.w - r.w;
	if (r.y < area.y)
		r.y = area.y;
	if (r.y + r.h > area.y + area.h)
		r.y = area.y + area.h - r.h;
	return r;
}
