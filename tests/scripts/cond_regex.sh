# [[ =~ ]] and BASH_REMATCH
date=2024-03-15
if [[ $date =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})$ ]]; then
  echo "year ${BASH_REMATCH[1]} month ${BASH_REMATCH[2]} day ${BASH_REMATCH[3]}"
  echo "whole ${BASH_REMATCH[0]} count ${#BASH_REMATCH[@]}"
fi
re='^[a-z]+[0-9]*$'
for w in abc abc123 123abc; do
  if [[ $w =~ $re ]]; then echo "$w matches"; else echo "$w does not"; fi
done
[[ "a.b" =~ a.b ]] && echo "dot is any"
[[ "axb" =~ "a.b" ]] || echo "quoted dot is literal"
[[ foo =~ o+ ]] && echo "found ${BASH_REMATCH[0]}"
[[ x =~ [ ]]
echo "bad regex status $?"
