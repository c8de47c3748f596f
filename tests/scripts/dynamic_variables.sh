# bash's dynamic variables: RANDOM follows bash's generator from a seed, a subshell
# gets a sequence of its own, SECONDS counts on from what it is set to, and `unset`
# ends a dynamic variable's special meaning. declare -p and set show them.
RANDOM=42; echo $RANDOM $RANDOM $((RANDOM))
RANDOM=1; echo $RANDOM $RANDOM
RANDOM=0; echo $RANDOM
RANDOM=-5; echo $RANDOM
RANDOM=4294967338; echo $RANDOM
RANDOM=1+1; echo $RANDOM
RANDOM=42; [[ $RANDOM -eq $(echo $RANDOM) ]] && echo "RANDOM: problem with subshells"
RANDOM=7; declare -p RANDOM
set | grep -c '^RANDOM='
SECONDS=100; echo $SECONDS; declare -p SECONDS
# bash's test: dice rolls from a seeded RANDOM, subscripts evaluated once.
RANDOM=42
(( dice[RANDOM%6+1 + RANDOM%6+1]++ ))
echo ${dice[6]}
unset dice1 dice2
RANDOM=42
for i in {1..500}; do ((dice1[$RANDOM%6+1 + $RANDOM%6+1]++)); done
RANDOM=42
for i in {1..500}; do ((dice2[RANDOM%6+1 + RANDOM%6+1]++)); done
[ "${dice1[*]}" = "${dice2[*]}" ] && echo "${dice1[*]}"
unset RANDOM; echo ${RANDOM-unset}; RANDOM=3; echo $RANDOM $RANDOM
unset SECONDS; echo ${SECONDS-unset}
declare -p BASHPID LINENO PPID | sed 's/"[0-9]*"/N/'
echo ${!EPOCH*}
[[ -v SRANDOM ]] && echo SRANDOM is set
unset SHELLOPTS 2>&1 | sed 's/^.*line [0-9]*: //'
