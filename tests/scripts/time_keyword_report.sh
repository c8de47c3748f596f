# The time keyword reports on the shell's stderr, so 2> captures it; -p in POSIX's form.
{ time { sleep 0.01; sleep 0.02; } ; } 2> err.txt
grep -c real err.txt; grep -o user err.txt; sed -n 2p err.txt | sed 's/[0-9]/N/g'
{ time -p sleep 0.01 ; } 2> p.txt
sed 's/[0-9]/N/g' p.txt
