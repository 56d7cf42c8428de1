# Children killed by signals, and kill.
sh -c 'kill -9 $$'
echo "kill -9: $?"
sh -c 'kill -SEGV $$'
echo "kill -SEGV: $?"
sh -c 'kill $$'
echo "kill (TERM): $?"
sh -c 'kill -s USR1 $$'
echo "kill -s USR1: $?"
sh -c 'kill -10 $$'
echo "kill -10: $?"
sh -c 'kill -HUP $$'
echo "kill -HUP: $?"
sh -c 'kill -sigint $$'
echo "kill -sigint (no message): $?"
sh -c 'kill -0 $$ && echo "signal 0: process exists"'
kill -l
kill -l 137
kill -l 15
kill -l 99
kill -NOSUCH 1
echo "bad signal: $?"
kill 999999
echo "no such process: $?"
kill abc
echo "not a pid: $?"
kill
echo "usage: $?"
sleep 5 &
kill $!
wait $!
echo "killed job: $?"
