# More of what bash joins: function and for forms, subshells, substitutions and
# quotes across lines, compound assignments, a here-document, backslash-newline.
function g
{
  echo g
}
for x
in a b
do echo $x; done
(
  echo sub
)
{ echo brace
}
echo $(
  echo inner
)
x=(
  1 2
)
case y in
  y)
    echo y
    ;;
esac
if true
then echo t
fi
echo "multi
line"
cat <<EOF
doc
EOF
echo last \
  continued
echo a; # comment
history
