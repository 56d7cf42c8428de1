#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run.sh PROGRAM...: run host test programs and report them as TAP with
# one subtest per program: each program's own TAP, indented, then
#
#	ok 1 - debug/buddy_test
#	not ok 2 - debug/slab_test: red_zone_catches_overflow
#
# and finally "host: N passed, N failed", counting the programs' cases.
# A program that crashes or exits nonzero without a "not ok" line (an
# ASan report, an abort) counts as one more failed case. Exits 1 if
# anything failed. Logs stay next to the programs (PROGRAM.log).

passed=0
failed=0
n=0
for prog in "$@"; do
	name=${prog#build/}
	n=$((n + 1))
	log=$prog.log
	if [ -x "$prog" ]; then
		"$prog" >"$log" 2>&1
		status=$?
	else
		echo "not built: $prog" >"$log"
		status=127
	fi
	sed 's/^/    /' "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	bad=$(sed -n 's/^not ok [0-9]* - //p' "$log" | tr '\n' ' ')
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		bad="exited with status $status (see $log)"
	fi
	if [ "$f" -eq 0 ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name: $bad"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "1..$n"
echo "host: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
