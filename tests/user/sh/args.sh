# A script's arguments: run as "sh args.sh alpha 'two words'".
echo "\$0 is $0"
echo "\$# is $#"
echo "\$1 is [$1], \$2 is [$2], \$3 is [$3]"
echo "\$* is [$*]"
sh -c 'echo "$# arguments: [$1] [$2]"' name "$@"
sh -c 'echo "unquoted: $# arguments"' name $@
sh -c 'echo "\$0 of sh -c is $0, \$1 is $1"' zero one
sh -c 'echo "no name: $#"'
echo "${1}x ${2}y"
sh -c 'sh -c "echo \$# words" inner "$@"' outer
sh -c 'sh -c "echo \$# words" inner "$@"' outer a '' c
sh -c 'sh -c "echo \$# words" inner $@' outer a '' c
