/* The data of a `hotspot` step, as the parser leaves it in lesson_step.data:
 * the spots' rectangles (their labels and `correct` are the step's answers). */
#ifndef LP_STEP_HOTSPOT_H
#define LP_STEP_HOTSPOT_H

#define HOTSPOT_MAX_SPOTS 6

struct hotspot_data {
	int aspect_milli;              /* the picture's width / height, times 1000; 0 when unknown */
	int box[HOTSPOT_MAX_SPOTS][4]; /* spot i (answers[i]): x, y, w, h in percent */
};

#endif
