# /etc/test.sh: a tour of anvil's shell and programs.  Run it with
# "sh /etc/test.sh"; tests/user/sh-host-test runs it on Linux too and
# compares what it prints.  It works in a scratch directory under
# $TMPDIR (default /tmp) and removes it at the end.
echo test.sh: start
dir=${TMPDIR}
test -n "$dir" || dir=/tmp
dir=$dir/test.sh.$$
mkdir -p $dir/sub && cd $dir

# Variables, quoting and $?.
name=anvil
echo "hello, $name" 'no $expansion here' \$name ${name}ly
false; echo "false gives $?"
true; echo "true gives $?"

# Pipes and redirections.
echo one > f
echo two >> f
cat f | cat | cat
cat < f > g
cat g
ls missing 2> err; echo "ls missing: $?"
cat err
ls missing > out 2>&1; cat out

# && and ||.
true && echo "and runs"
false && echo "never printed"
false || echo "or runs"

# cd and pwd.
cd sub && ls .. && cd ..

# Background jobs and wait.
sleep 0.2 &
echo "started a job"
wait $!
echo "job done: $?"
sh -c 'exit 3' &
wait $!
echo "background exit status: $?"

# A child killed by a signal: 128 + 9.
sh -c 'kill -9 $$'
echo "killed child: $?"

# test and [.
[ -d sub ] && echo "sub is a directory"
[ -f f -a ! -s missing ] && echo "f is a file"
test 3 -lt 10 && echo "3 < 10"

# env, uname, kill -l.
X=42 env | grep_is_not_here 2>/dev/null || echo "no grep, as expected: $?"
env -i ANVIL=1 env
kill -l 137

cd / && rm -r $dir && echo test.sh: ok
