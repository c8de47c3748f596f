# Words nested deeper than brush-parser's grammar could take: quotes, brackets,
# command substitutions, arithmetic and parameter expansions inside one another.
echo "$(echo "[[")" "$(echo "((")" "$(echo "{{")"
echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "$(echo "deep")")")")")")")")")")")")")")")"
echo $(( ((((((((((((((((((((1 + 2)))))))))))))))))))) * 3 ))
echo $(( $(( $(( $(( $(( $(( $(( $(( $(( $(( $(( $(( $(( $(( 1 + 1 )) * 2 )) )) )) )) )) )) )) )) )) )) )) )) ))
x=
echo ${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-${x:-end}}}}}}}}}}}}}}}}
echo "${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-"${x:-quoted}"}"}"}"}"}"}"}"}"}"}"}"}"
echo `echo \`echo \\\`echo back\\\`\``
echo "$(case x in x) echo case in a substitution;; esac)"
echo "$(case y in (y) echo parenthesized pattern;; esac)"
echo $( (echo subshell) ) $((echo not arithmetic) | cat)
echo "$(echo "a)b" 'c)d' \))"
echo "$(echo hi # a comment with ) in it
)"
a=(zero one two three)
i=(0 1 2 3)
echo "${a[i[i[i[3]]]]}" "${a[$(( $(echo 1) + 1 ))]}"
echo "${x:-"$(echo "[[ ${x:-"(("} ]]")"}"
