# Redirections: < > >> 2> 2>&1 >&2 and on builtins.
echo first > f
echo second >> f
cat f
cat < f
cat <f >g; cat g
echo replaced > f; cat f
ls missing-file 2> err
echo "ls status $?"
cat err
ls missing-file > both 2>&1
cat both
echo "to stderr" >&2
echo "to stderr, then to file" 2>errfile >&2
cat errfile
echo "order matters" 2>&1 > order
cat order
pwd > pwd.out; cat pwd.out
cat < nothing-here
echo "input redirect failure: $?"
echo x > no-such-dir/file
echo "output redirect failure: $?"
>empty
ls empty
echo n 1>one.txt; cat one.txt
cat 0<f
