#!/bin/sh
# Runs bench-startup three ways and prints each summary:
#   1. headless, SDL_VIDEODRIVER=dummy (software renderer)
#   2. under Xvfb with Leerplek's default: SDL's software renderer with
#      SDL_FRAMEBUFFER_ACCELERATION=0, so no OpenGL is loaded at all
#   3. under Xvfb with SDL_RENDER_DRIVER=opengl (Mesa llvmpipe on a machine
#      without a GPU), to show what the default saves
# Starts Xvfb on :99 (1920x1080x24) if nothing runs there, and stops it after.
# Figures only: exits non-zero only when the program failed to start or crashed.
#
# usage: bench/run.sh [-n RUNS] [-i IDLE_SECONDS]
# env:   BUILD (default: <source>/build), XVFB_DISPLAY (default :99)
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build}
bench=$build/bench/bench-startup
leerplek=$build/app/leerplek
disp=${XVFB_DISPLAY:-:99}
size=1920x1080

ninja -C "$build" bench/bench-startup app/leerplek >/dev/null || {
	echo "run.sh: building bench-startup and leerplek in $build failed" >&2
	exit 1
}

status=0
section() {
	echo
	echo "=== $1 ==="
}

section "headless (SDL_VIDEODRIVER=dummy)"
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_RENDER_DRIVER -u SDL_FRAMEBUFFER_ACCELERATION SDL_VIDEODRIVER=dummy \
	"$bench" "$@" "$leerplek" --windowed=$size || status=1

xvfb_pid=
num=${disp#:}
num=${num%%.*}
if [ -e "/tmp/.X11-unix/X$num" ] && xdpyinfo -display "$disp" >/dev/null 2>&1; then
	echo
	echo "run.sh: using the X server already running on $disp" \
	     "($(xdpyinfo -display "$disp" | sed -n 's/^ *dimensions: *\([0-9x]*\) pixels.*/\1/p' | head -n1))"
else
	Xvfb "$disp" -screen 0 ${size}x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb_pid=$!
	trap 'kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null' EXIT
	trap 'exit 130' INT TERM HUP
	tries=0
	until xdpyinfo -display "$disp" >/dev/null 2>&1; do
		tries=$((tries + 1))
		if [ $tries -gt 100 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
			echo "run.sh: Xvfb did not start on $disp" >&2
			exit 1
		fi
		sleep 0.1
	done
fi

section "Xvfb $disp, ${size}x24, Leerplek's default: software renderer, no OpenGL"
env -u SDL_VIDEODRIVER -u SDL_RENDER_DRIVER -u SDL_FRAMEBUFFER_ACCELERATION -u WAYLAND_DISPLAY DISPLAY="$disp" \
	"$bench" "$@" "$leerplek" --windowed=$size || status=1

section "Xvfb $disp, ${size}x24, SDL_RENDER_DRIVER=opengl (Mesa llvmpipe here), for comparison"
env -u SDL_VIDEODRIVER -u WAYLAND_DISPLAY -u SDL_FRAMEBUFFER_ACCELERATION DISPLAY="$disp" \
	SDL_RENDER_DRIVER=opengl \
	"$bench" "$@" "$leerplek" --windowed=$size || status=1

exit $status
