pwd > p.txt; cat p.txt | wc -l
echo builtin-out > b.txt; cat b.txt
type cd > t.txt; cat t.txt
read v < b.txt; echo "$v"
