# Variables: assignment, ${}, $?, unset, export, prefix assignments,
# field splitting, set.
x=hello
echo $x ${x} "${x}world" $xworld. ${x}world
y="two  spaces"
echo $y
echo "$y"
unset y
echo "unset: [$y]"
empty=
echo "[$empty]" [$empty] $empty end
a=1 b=2
echo $a$b
n=$x-$a
echo $n
echo $ alone $, and "$9" at the end
export SHOWN=yes
HIDDEN=no
sh -c 'echo "child sees SHOWN=[$SHOWN] HIDDEN=[$HIDDEN]"'
ONCE=only sh -c 'echo "prefix assignment: [$ONCE]"'
echo "after the command: [$ONCE]"
export LATER
LATER=set-later
sh -c 'echo "exported before set: [$LATER]"'
env -i A=1 env
false
echo "\$? is $?, then $?"
test $$ -gt 1 && echo "\$\$ is a number"
sh -c 'test $$ -ne '$$ && echo "a child shell has its own \$\$"
unset HIDDEN LATER SHOWN n a b x empty
set
echo home: ~ ~/sub "~" a~
