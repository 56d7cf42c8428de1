# Quoting: single, double, backslashes, and what survives of each.
echo plain   words    collapse
echo 'single  quotes keep  spaces' "and so  do double"
echo 'no $HOME or \n in single quotes'
echo "a \$dollar, a \"quote\", a \\backslash, and \n stays"
echo back\ slash\ joins one\\word
echo "" '' x
echo mixed'single'"double"plain
echo 'it'\''s'
echo "multi
line"
echo 'also
multi'
echo trailing \
  continues here
echo semicolon\; and\&amp and\|pipe 'a;b' "c|d"
echo "#not a comment" \#nor this # but this is
echo a#b
