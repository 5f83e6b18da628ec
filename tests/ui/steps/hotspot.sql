# three attempts: Mail (spot 4) wrong after two tips, Camera (spot 2) right
# after the answer was shown, then Messages and Mail (spots 1 and 3) right
SELECT count(*) FROM attempts -> 3
SELECT group_concat(step || ':' || correct || ':' || hints || ':' || answer, ' ') FROM (SELECT * FROM attempts ORDER BY seq) -> 0:0:2:4 0:1:3:2 1:1:0:1,3
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
