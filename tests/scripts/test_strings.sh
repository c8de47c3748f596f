[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ -z "" ] && echo empty
[ -n x ] && echo nonempty
[ "a" \< "b" ] && echo less
test x && echo nonempty-test
[ ] || echo "empty test false"
