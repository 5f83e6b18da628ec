/* View of the `sim` step: not built yet (its core module says so too, so
 * no lesson with this step type gets past the parser). */
#include "player.h"

const struct step_view view_sim = {0};
