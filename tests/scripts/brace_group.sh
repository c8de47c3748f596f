{ echo a; echo b; } | tr a-b A-B
{ x=inside; }
echo $x
