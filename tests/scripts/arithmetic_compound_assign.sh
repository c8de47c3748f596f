# Compound assignment operators in (( )).
x=10
(( x -= 3 )); echo $x
(( x *= 4 )); echo $x
(( x /= 5 )); echo $x
(( x %= 3 )); echo $x
(( x <<= 3 )); echo $x
(( x >>= 1 )); echo $x
(( x |= 1 )); echo $x
(( x &= 6 )); echo $x
(( x ^= 15 )); echo $x
