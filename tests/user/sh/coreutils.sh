# The small programs: echo cat ls mkdir rm env sleep true false uname.
echo -n no newline; echo " <- then one"
echo -n
echo -e not-an-option
true; echo "true: $?"
false; echo "false: $?"
ls dir
ls -a dir
ls dir/file1 dir/.hidden missing dir/sub
echo "ls with a missing name: $?"
ls -l dir/file1 dir/link dir/x.sh
ls -q
echo "bad option: $?"
cat dir/file1 - dir/file2 < dir/file1
cat missing dir/file2
echo "cat missing: $?"
cat dir
echo "cat a directory: $?"
mkdir new
mkdir new
echo "mkdir existing: $?"
mkdir -p new/a/b/c new/a/d
ls new new/a
mkdir -p new
echo "mkdir -p existing: $?"
mkdir x/y
echo "mkdir without -p: $?"
rm new
echo "rm a directory: $?"
rm -r new
ls
rm missing
echo "rm missing: $?"
rm -f missing
echo "rm -f missing: $?"
echo x > a; echo y > b
rm a b
ls
rm -rf .
echo "rm -rf .: $?"
env -i A=1 B=two env
env -i PATH=$PATH echo run by env
env -i nonexistent-program
echo "env not found: $?"
env -i X=1 sh -c 'echo "X=$X"'
sleep 0.1 && echo slept
sleep 0.05 0.05 && echo slept twice
sleep abc
echo "sleep abc: $?"
sleep
echo "sleep usage: $?"
uname
uname -s
uname -z
echo "uname -z: $?"
