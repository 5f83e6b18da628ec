# two attempts: wrong after two tips, right after the answer was shown
SELECT count(*) FROM attempts -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 -> 0:2:0
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:1
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
