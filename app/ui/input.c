/* The pointer model. Mouse and fingers arrive as the same events; only the
 * first pointer down is followed, later fingers are ignored until it is up
 * (pinch belongs to the gesture lessons). The movement tolerance is wide on
 * purpose: shaky hands and gloves move while they tap. */
#include "ui.h"

#include <stdlib.h>

void ui_pointer_init(struct ui_pointer *p, int slop_px)
{
	*p = (struct ui_pointer){.slop = slop_px};
}

static struct ui_gesture gesture(const struct ui_pointer *p, enum ui_gesture_type t)
{
	return (struct ui_gesture){.type = t, .x = p->x, .y = p->y, .x0 = p->x0, .y0 = p->y0};
}

int ui_pointer_feed(struct ui_pointer *p, const struct ui_event *ev, struct ui_gesture out[2])
{
	switch (ev->type) {
	case UI_EV_POINTER_DOWN:
		if (p->down)
			return 0;
		p->down = true;
		p->dragging = p->long_fired = false;
		p->id = ev->pointer;
		p->x0 = p->x = ev->x;
		p->y0 = p->y = ev->y;
		p->t0 = ev->time_ms;
		out[0] = gesture(p, UI_GESTURE_PRESS);
		return 1;
	case UI_EV_POINTER_MOVE: {
		if (!p->down || ev->pointer != p->id)
			return 0;
		p->x = ev->x;
		p->y = ev->y;
		if (p->dragging) {
			out[0] = gesture(p, UI_GESTURE_DRAG_MOVE);
			return 1;
		}
		if (abs(p->x - p->x0) > p->slop || abs(p->y - p->y0) > p->slop) {
			p->dragging = true;
			out[0] = gesture(p, UI_GESTURE_DRAG_START);
			out[1] = gesture(p, UI_GESTURE_DRAG_MOVE);
			return 2;
		}
		return 0;
	}
	case UI_EV_POINTER_UP:
		if (!p->down || ev->pointer != p->id)
			return 0;
		p->x = ev->x;
		p->y = ev->y;
		p->down = false;
		if (p->dragging)
			out[0] = gesture(p, UI_GESTURE_DRAG_END);
		else if (p->long_fired)
			out[0] = gesture(p, UI_GESTURE_RELEASE);
		else if (ev->time_ms - p->t0 >= UI_LONG_PRESS_MS) {
			/* The tick came late (a busy frame): still a long press. */
			out[0] = gesture(p, UI_GESTURE_LONG_PRESS);
			out[1] = gesture(p, UI_GESTURE_RELEASE);
			return 2;
		} else
			out[0] = gesture(p, UI_GESTURE_TAP);
		return 1;
	case UI_EV_POINTER_CANCEL:
		if (!p->down)
			return 0;
		p->down = false;
		out[0] = gesture(p, UI_GESTURE_CANCEL);
		return 1;
	default:
		return 0;
	}
}

int ui_pointer_tick(struct ui_pointer *p, int64_t now_ms, struct ui_gesture *out)
{
	if (!p->down || p->dragging || p->long_fired || now_ms - p->t0 < UI_LONG_PRESS_MS)
		return 0;
	p->long_fired = true;
	*out = gesture(p, UI_GESTURE_LONG_PRESS);
	return 1;
}

int64_t ui_pointer_deadline(const struct ui_pointer *p)
{
	if (!p->down || p->dragging || p->long_fired)
		return -1;
	return p->t0 + UI_LONG_PRESS_MS;
}
