# declare -a (-A, -i, -r, -x, -l, -n) alone lists the variables with that attribute, as
# declare -p prints them; declare alone lists them as NAME=VALUE.
z=(b c); declare -A h=([k]=v); declare -i n=3; declare -r ro=1; export ex=2
declare -l lo=abc; declare -n ref=z; declare -ai both=(1 2)
for flags in -a -A -i -r -x -l -n '-p -i'; do
  declare $flags | grep -E ' (z|h|n|ro|ex|lo|ref|both)='
  echo ---
done
declare | grep -E '^(z|h|n|ro|ex|lo|ref|both)='
echo ---
declare -A z; echo "status=$?"
f() { local a=1; local -i b=2; echo "[-i]"; local -i; echo "[]"; local; }
f
