/* Step `sim`: not built yet. `check` rejects it with a message that says
 * so; lessons/FORMAT.md describes what it will take. */
#include "step.h"

const struct step_kind step_sim = {.name = "sim", .type = LESSON_STEP_SIM};
