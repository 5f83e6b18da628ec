/* The data of a `scenario` step, as the parser leaves it in lesson_step.data:
 * what the view shows and the judge checks. */
#ifndef LP_STEP_SCENARIO_H
#define LP_STEP_SCENARIO_H

#include "lesson.h"

#define SCEN_MAX_NODES 12
#define SCEN_MAX_CHOICES 3
#define SCEN_ID_MAX 32

enum scen_end { SCEN_NO_END, SCEN_GOOD, SCEN_OK, SCEN_BAD };

struct scen_choice {
	struct lesson_text text;
	struct lesson_text feedback; /* empty when not given */
	int go;                      /* index of the node it leads to */
	bool to_good;                /* a good end can be reached after this choice */
};

struct scen_node {
	char id[SCEN_ID_MAX + 1];
	struct lesson_text speaker; /* empty: the text is told, not said */
	struct lesson_text says;
	struct scen_choice choices[SCEN_MAX_CHOICES];
	int n_choices;
	enum scen_end end;
	int best; /* the choice on the shortest way to a good end, or -1 */
};

struct scenario {
	struct scen_node nodes[SCEN_MAX_NODES];
	int n_nodes;
};

#endif
