# two attempts: the typed text is the answer; wrong without the accent,
# right (capitals ignored) after the answer was shown
SELECT count(*) FROM attempts -> 3
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 -> 0:0:0|prive-foto
SELECT correct || ':' || hints || ':' || answer FROM attempts ORDER BY seq LIMIT 1 OFFSET 1 -> 1:3:0|Privé-foto
SELECT count(*) FROM attempts WHERE ms < 0 -> 0
SELECT correct || ':' || hints || ':' || answer FROM attempts WHERE step = 1 -> 1:0:0|www.zuidstad.nl
