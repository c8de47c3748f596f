# Which names with a leading dot a glob matches, as bash decides (its skipname and
# fnmatch's FNM_PERIOD and FNM_DOTDOT): an extglob group asks its alternatives, `!(...)`
# never matches the leading dot, and with dotglob `.` and `..` need an explicit dot.
# A `[` no `]` closes makes an extglob group's characters literal; a bracket expression
# does not span an unquoted `/`.
dir=$(mktemp -d 2>/dev/null || echo /tmp/glob_dots.$$)
mkdir -p "$dir" && cd "$dir" || exit 1
shopt -s extglob
touch .foo bar .a
for p in '@(.foo)' '!(.foo)' '@(.foo|*)' '!(.foo|*)' '@(*)' '!(*)' '.*' '@(.*)' '!(.*)' \
    '!(bar).foo' '*(bar).foo' '?(bar).foo' '.?' '@(.?)' '!(.?)' '@(?|.?)' '@(?|.*)'; do
    eval "echo '$p:' $p"
done
shopt -s dotglob
for p in '@(.foo)' '!(.foo)' '@(*)' '*' '@(?|.?)' '?(x).a'; do
    eval "echo 'dotglob $p:' $p"
done
shopt -u globskipdots
for p in '.*' '@(.*)' '!(.foo)' '@(?|.?)' '?'; do
    eval "echo 'globskipdots off, dotglob $p:' $p"
done
shopt -u dotglob
for p in '.*' '.?' '@(.?)' '*'; do
    eval "echo 'globskipdots off $p:' $p"
done
shopt -s globskipdots
touch abcx abcz bbc
echo !([*)*
echo +(a|b[)*
case '*(a|b[)' in *(a|b[)) echo yes;; *) echo no;; esac
case foo in *(a|b[)) echo yes;; *) echo no;; esac
shopt -s nullglob
echo 1: [qwe/qwe]
echo 2: [qwe\/qwe]
echo 3: [qwe\/]
echo 4: [qwe\/
x=abc; echo ${x/b/"1/2"}
# A `#` after an escaped character is part of a word, not a comment.
echo $(echo \;#not a comment ) $(echo a\ #b)
cd / && rm -rf "$dir"
