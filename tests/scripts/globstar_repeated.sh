# `**/**` matches what `**` does: each path once.
shopt -s globstar
mkdir -p a/a/a b
touch a/f a/a/g
p() { printf '<%s>\n' "$@"; }
echo "== **"; p **
echo "== **/**"; p **/**
echo "== **/**/**"; p **/**/**
echo "== **/**/"; p **/**/
echo "== **/**/g"; p **/**/g
