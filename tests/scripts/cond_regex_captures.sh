# [[ =~ ]] with BASH_REMATCH, anchors, quoted parts taken literally.
s="2024-03-15 error: disk full"
if [[ $s =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})\ (.*)$ ]]; then
  echo "year=${BASH_REMATCH[1]} month=${BASH_REMATCH[2]} rest=${BASH_REMATCH[4]}"
  echo "${#BASH_REMATCH[@]}"
fi
[[ "a.c" =~ a.c ]] && echo "dot matches"
[[ "abc" =~ "a.c" ]] || echo "quoted dot is literal"
re='^[a-z]+$'
[[ hello =~ $re ]] && echo "from a variable"
[[ HELLO =~ $re ]] || echo "no match, status $?"
