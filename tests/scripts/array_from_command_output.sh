# Arrays filled from command output and globs
mkdir -p files && touch files/b.txt files/a.txt files/c.log
txt=(files/*.txt)
echo "${#txt[@]} ${txt[0]}"
lines=($(printf "x\ny z\n"))
echo "${#lines[@]}"
IFS=$'\n' lines=($(printf "x\ny z\n"))
echo "${#lines[@]} ${lines[1]}"
