# five attempts: swipe-right (6) for swipe-left, wrong; swipe-left (5)
# after the answer was shown; then double tap (2), long press (3) and tap
# (1), right without a tip. The single tap was coached, not stored.
SELECT count(*) FROM attempts -> 5
SELECT group_concat(step || ':' || correct || ':' || hints || ':' || answer, ' ') FROM (SELECT * FROM attempts ORDER BY seq) -> 0:0:0:6 0:1:3:5 1:1:0:2 2:1:0:3 3:1:0:1
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
