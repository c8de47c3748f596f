# read in a loop with IFS fields
printf 'ann 31 x\nbob 42 y z\n\ncarl\n' > people
while read -r name age rest; do
  echo "name=$name age=$age rest=[$rest]"
done < people
while IFS= read -r line; do echo "[$line]"; done <<'DOC'
  leading and trailing  
	tab
DOC
read -r no_newline < <(printf 'last') 2>/dev/null || true
printf 'last' > partial
read -r tail_line < partial; echo "status $? value $tail_line"
