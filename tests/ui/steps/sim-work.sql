# Parts are numbered per step, in the written order.
# Step 1, the chat: Fatma's message (2) leads nowhere: wrong; then Send
# (4) with the answer typed, after one rung (Try again).
SELECT count(*) FROM attempts WHERE step = 0 -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 0 ORDER BY seq LIMIT 1 -> 0:0:2
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 0 ORDER BY seq LIMIT 1 OFFSET 1 -> 1:1:4|Ik kan niet
# Step 2, the call: the camera (5): wrong; then the microphone (4).
SELECT count(*) FROM attempts WHERE step = 1 -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 1 ORDER BY seq LIMIT 1 -> 0:0:5
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 1 ORDER BY seq LIMIT 1 OFFSET 1 -> 1:1:4
# Step 3, the payslip: the hours (1) framed, right at once.
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 2 -> 1:0:1
# Step 4, the roster: Thursday (3), then the swap (6).
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 3 -> 1:0:3,6
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
