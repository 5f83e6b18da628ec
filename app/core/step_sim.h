/* The data of a `sim` step, as the parser leaves it in lesson_step.data:
 * what the view shows and the judge checks. */
#ifndef LP_STEP_SIM_H
#define LP_STEP_SIM_H

#include "lesson.h"

#define SIM_MAX_SCREENS 6
#define SIM_MAX_PARTS 12 /* on one screen (8 on the apps of text: messages, message, email, form, login) */
#define SIM_ID_MAX 32
#define SIM_FIELD_MAX 40 /* characters a field takes */

enum sim_app {
	SIM_PHONE,
	SIM_MESSAGES,
	SIM_MESSAGE,
	SIM_EMAIL,
	SIM_FORM,
	SIM_LOGIN,
	SIM_CHAT,      /* a work chat group */
	SIM_VIDEOCALL, /* a video call */
	SIM_PAYSLIP,   /* a payslip in an app */
	SIM_ROSTER,    /* a work roster in an app */
	SIM_N_APPS
};

enum sim_kind {
	SIM_APP_ICON,
	SIM_MESSAGE_ROW,
	SIM_SENDER,
	SIM_SUBJECT,
	SIM_BODY,
	SIM_LINK,
	SIM_BUTTON,
	SIM_ADDRESS,
	SIM_TEXT,
	SIM_FIELD,
	SIM_CODE_ENTRY,
	SIM_CHAT_MESSAGE,
	SIM_PERSON,
	SIM_CONTROL,
	SIM_HEADING,
	SIM_LINE,
	SIM_TOTAL,
	SIM_SHIFT,
	SIM_N_KINDS
};

struct sim_part {
	enum sim_kind kind;
	int screen;                /* the screen it is on */
	struct lesson_text label;  /* app-icon, message-row, button, field, code-entry, chat-message (who),
	                              person, control, line, total, shift (the day) */
	struct lesson_text text;   /* the others; a field's filled-in text; a chat-message's or shift's text */
	struct lesson_text value;  /* line, total: the amount, as shown */
	struct lesson_text answer; /* field: what the learner must type */
	char code[9];              /* code-entry: the digits to type, or "" */
	char icon[12];             /* app-icon, control: the icon's name, or "" */
	int go;                    /* the screen it opens, or -1 */
	bool correct, suspicious;
	int field;                 /* its place among the fields of the sim, or -1 */
	bool has_answer;           /* a field with `answer` or a code-entry with one */
};

struct sim_screen {
	char id[SIM_ID_MAX + 1];
	enum sim_app app;
	int first, n; /* its parts: parts[first .. first + n) */
	int best;     /* go somewhere: the part to tap on the shortest way to a correct part, or -1 */
};

struct sim {
	struct sim_screen screens[SIM_MAX_SCREENS];
	int n_screens;
	struct sim_part *parts;
	int n_parts;
	int n_fields; /* fields and code entries */
	bool find;    /* find the suspicious parts (else go somewhere) */
};

/* Whether a part can be tapped to go on (go somewhere): only these kinds
 * take `go` and `correct`. */
bool step_sim_tappable(enum sim_kind kind);
/* Whether typed holds what the field or code entry must hold: capitals
 * and spaces at the start and end do not count (as in `keyboard`). */
bool step_sim_field_ok(const struct sim_part *p, const char *typed);

#endif
