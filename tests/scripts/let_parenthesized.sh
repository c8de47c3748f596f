# `let x=( ... )` is one expression, as bash reads it; other words are split as usual.
let x=( 1 ); let y=( x + 2 ); let z=( y * 3 ); echo $x $y $z
a=5; let b=( $a * 2 ) c=a+1; echo $b $c
touch 1 2; let v=1*2 w=2; echo $v $w
f="x y"; let q=$f; echo "status $? q=$q"
