# wrong after two tips, right after the answer was shown, right by dragging
SELECT count(*) FROM attempts -> 3
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 -> 0:2:2,0,1
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:0,1,2
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 2 -> 1:0:0,1,2,3,4
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
