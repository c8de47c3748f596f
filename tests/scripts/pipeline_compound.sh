for i in 3 1 2; do echo $i; done | sort
seq 1 3 | while false; do echo never; done
printf 'x\ny\n' | { cat; echo end; }
if true; then echo in-if; fi | tr a-z A-Z
echo piped | ( cat )
