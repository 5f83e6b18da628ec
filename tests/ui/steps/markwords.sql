# two attempts: the language shown (0: nl, the first of the lesson), then
# the framed words counted from 0: "klant," and "link", wrong after two
# tips; "Beste", "24" and "pincode", right after the parts were shown
SELECT count(*) FROM attempts -> 2
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 -> 0:2:0,1,16
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:0,0,12,20
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
