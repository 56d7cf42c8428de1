# Commands on standard input: the prompt, lines joined while a command
# is unfinished, syntax errors, and sh -c.
echo 'echo from stdin' | sh
echo 'echo prompted' | sh 2>&1
echo 'echo a |
cat' | sh 2>&1
echo "echo 'open
quote'" | sh 2>&1
echo 'echo one \
two' | sh 2>&1
echo 'echo x &&
echo y' | sh 2>&1
echo 'exit 3' | sh 2>/dev/null
echo "exit from stdin: $?"
echo 'false' | sh 2>/dev/null
echo "end of input after false: $?"
echo 'cat; echo after cat
echo the rest goes to cat' | sh 2>/dev/null
sh -c 'echo a | '
echo "unfinished -c: $?"
sh -c 'echo a ||| b'
echo "syntax error: $?"
sh -c '| x'
sh -c 'echo >'
sh -c 'echo "open'
echo "open quote: $?"
sh -c 'echo one; echo two
echo three'
sh -c 'echo $#: $0 $1 $2' zero one two
sh -c
echo "sh -c without a command: $?"
sh no-such-script
echo "missing script: $?"
echo 'echo script on stdin' > s; sh < s 2>/dev/null
sh -c 'echo > > x'
sh -c 'echo a ;; echo b'
