# Step 1, find the suspicious parts: the subject framed after two tips
# (part 1), then the sender and the link (parts 0 and 3) after the answer
# was shown.
SELECT count(*) FROM attempts WHERE step = 0 -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 0 ORDER BY seq LIMIT 1 -> 0:2:1
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 0 ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:0,3
# Step 2, go somewhere: the taps from the home screen on. Messages (1),
# the parcel service (10): wrong; at rung 3 Messages, Mum (9): wrong
# again; then Messages, the bakery (8), Back, the bakery, Confirm (13).
SELECT count(*) FROM attempts WHERE step = 1 -> 3
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 1 ORDER BY seq LIMIT 1 -> 0:0:1,10
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 1 ORDER BY seq LIMIT 1 OFFSET 1 -> 0:3:1,9
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 1 ORDER BY seq LIMIT 1 OFFSET 2 -> 1:3:1,8,13
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
