# History expansion beyond the event: word designators (`:0`, `^`, `$`, `x-y`, `x*`,
# `x-`, `%`), modifiers (`h t r e q x p`, `s/old/new/` with `&`, `g`, `G`, `:&`),
# `^old^new^`, `!#`, `!?string?`, `$histchars`, and what quotes and shell syntax keep.
set -o history
set -H
HISTIGNORE=
echo alpha beta/gamma.tar.gz "quoted word" 'single one'
echo !:1 !:2:h !:2:t !:2:r !:2:e !:2:r:r
echo !-2:3 !-2:4
echo !!:0 !!:^ !!:$
echo x y z
echo !!:1-2 !!:2* !!:1- !!:*
!!:s/x/X/
echo a a a a
!!:gs/a/b/
!!:Gs/b/c/
echo foo foofoo
!!:s/foo/[&]/
!!:&
!-3:g&
^foo^bar
^o^0^ trailing
echo one !#:1 two
echo 'quoted !! stays' "dq !! expands" \!! $'\'!!'
echo ${!HISTI*} [!a] $!
echo search apples and pears
echo !?app?:%
echo !?pear
echo !?pp?
echo !:q
echo abc def
echo !!:x
echo ok !
echo ok ! =
histchars='%^#'
echo %%
histchars=
echo !! %%
unset histchars
echo in substitutions `echo !!` $(echo !!)
echo {a,b} | cat # !! in a comment
echo "end !"
for word in one two; do
	echo !!
done
echo 'a quote over
lines !! stays'
cat <<END
a here-document's !! stays
END
false
echo !-99:9
echo "status after a failed expansion: $?"
false
echo the end !:0:p
echo "status after :p: $?"
