#!/bin/sh
# Prepares a data folder as the first-start wizard would, so a script can
# begin at the start screen: organisation "Test", site "Werkplaats",
# language nl, supervisor PIN 246810, and learners who need no picture code
# (tests of codes turn that on themselves).
# usage: prepare-data.sh LEERPLEK DATA_DIR [--codes yes|no]
set -eu
bin=$1 data=$2
codes=${4:-no}
[ "${3:-}" = --codes ] || codes=no
echo 246810 | "$bin" setup --data "$data" --org Test --site Werkplaats --lang nl --codes "$codes" >/dev/null
