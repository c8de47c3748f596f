# printf laying out a table
printf "%-8s|%5s|%6.2f\n" apple 3 1.5 banana 12 0.25 cherry 7 10
printf "%s\n" "---"
printf "%03d %x %o %e\n" 7 255 8 1234.5
