# Converting between bases with arithmetic and printf.
n=255
printf '%d %o %x %X\n' $n $n $n $n
echo $(( 2#11111111 )) $(( 8#377 )) $(( 16#FF )) $(( 64#_ ))
printf '%d\n' 0377 0xff
printf '%05.1f\n' 2.345
bin=""; m=10; while (( m > 0 )); do bin=$(( m % 2 ))$bin; m=$(( m / 2 )); done; echo "$bin"
