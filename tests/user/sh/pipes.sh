# Pipelines.
echo hi | cat
echo one two | cat | cat | cat
echo to-stdin | cat - 
echo start; echo a | cat; echo end
false | true; echo "status of false | true: $?"
true | false; echo "status of true | false: $?"
echo x | nonexistent-command; echo "not found in a pipe: $?"
echo piped | sh -c 'cat; echo inner done'
echo "builtin in a pipe:" ; pwd | cat > /dev/null && echo ok
cd / | true; echo "cd in a pipe does not move us"
echo ab | cat | cat > out.txt
cat out.txt
