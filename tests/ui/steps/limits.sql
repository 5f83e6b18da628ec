# three right answers, the first two found by scrolling
SELECT count(*) FROM attempts -> 3
SELECT group_concat(correct || ':' || step, ' ') FROM (SELECT * FROM attempts ORDER BY seq) -> 1:1 1:2 1:3
