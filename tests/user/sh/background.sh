# & and wait.
sleep 0.2 &
echo "job started"
wait $!
echo "wait status $?"
sh -c 'exit 5' &
p=$!
wait $p
echo "wait for exit 5: $?"
sh -c 'sleep 0.1; echo late' &
echo early
wait
echo "all waited: $?"
wait 99999
echo "not a child: $?"
true && echo "and-or in background" > bg.out &
wait
cat bg.out
sleep 0.1 & sleep 0.1 & wait
echo done
