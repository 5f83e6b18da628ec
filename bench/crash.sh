#!/bin/sh
# The long mode of the pulled-plug test: 1,000 (or N) SIGKILLs at random
# moments while a script answers questions; prints how many attempts were
# printed as saved, how many were lost and how many databases were damaged.
# usage: bench/crash.sh [N]   (after a build in build/)
src=$(cd "$(dirname "$0")/.." && pwd)
LEERPLEK_CRASH_RUNS=${1:-1000} SDL_VIDEODRIVER=dummy exec sh "$src/tests/ui/run.sh" "$src/build/app/leerplek" "$src" crash
