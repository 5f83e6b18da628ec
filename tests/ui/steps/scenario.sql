# two attempts: a bad end after two tips (the second choice at the start),
# then the good end after the answer was shown (the first choice twice)
SELECT count(*) FROM attempts -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 -> 0:2:1
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:0,0
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
