# $LINENO of a command that goes on past its line is the line its second word ends on.
printf 'echo "x\ny" $LINENO\necho a \\\n b $LINENO \\\n c\necho $LINENO\necho \\\n  continued $LINENO\nf() {\n  echo in f $LINENO \\\n   more\n}\nf\n' > lines.sh
bash lines.sh
# A long script with aliases is read in pieces: commands that cross from one to the
# next (a function, a here-document, a continued line) and a late error read as bash.
{
    echo 'shopt -s expand_aliases'; echo 'alias say=echo'
    for i in $(seq 1 60); do echo "say line $i \$LINENO"; done
    echo 'f() {'; for i in 1 2 3 4 5 6 7 8; do echo "  say in f $i \$LINENO"; done; echo '}'; echo f
    echo 'cat <<EOF'; for i in $(seq 1 70); do echo "doc $i \$LINENO"; done; echo EOF
    echo 'alias say="echo SAID"'; echo 'say redefined $LINENO'
    for i in $(seq 1 100); do echo "x$i=1"; done
    echo 'say before error $LINENO'; echo 'if then fi'; echo 'say never'
} > long.sh
bash long.sh 2>&1 | sed 's/^[^ ]*: line/line/' | md5sum
bash long.sh 2>&1 | sed 's/^[^ ]*: line/line/' | tail -4
