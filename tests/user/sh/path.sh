# PATH lookup, not found, and scripts without #! (run by sh itself).
echo found through PATH
no-such-program
echo "not found: $?"
./not-here
echo "not found with a slash: $?"
./tool one two
echo "tool status $?"
mkdir -p bin2
ls bin2
./data.txt
echo "not executable: $?"
./bin2
echo "a directory: $?"
PATH=/nonexistent ls
echo "PATH=/nonexistent ls: $?"
OLD=$PATH
PATH=$OLD: tool "an empty PATH entry is the current directory"
echo "tool via PATH: $?"
PATH=$PWD/bin2:/nonexistent
tool
$OLD/echo "PATH is looked up each time: $?"
PATH=$OLD
ls data.txt
