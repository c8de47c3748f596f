# A script on the standard input of `bash`, run as a program, is read a command at a
# time: what it runs reads the lines after it, from a file or a pipe.
cat > on-stdin <<'END'
read x
a line for read
echo "read: $x"
f() { nosuch; echo "${FUNCNAME[*]} / ${BASH_SOURCE[*]}"; }
f 2>&1
cat
a line for cat
END
bash < on-stdin
echo "status $?"
cat on-stdin | bash
echo "status $?"
printf 'echo "flags: $-"\nexit 1 2\necho "status $?"\necho $(echo a; ( )\necho never\n' | bash 2>&1
echo "status $?"
printf 'echo "echo switched to, line \\$LINENO" > other\nexec 0< other\necho never\n' | bash
echo "status $?"
