# two attempts: the places hold word numbers (0..1 the missing words in
# sentence order, 2.. the others): wrong after one tip, right after the
# words were shown
SELECT count(*) FROM attempts -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 -> 0:1:2,0
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:0,1
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
