true && echo and-1
false && echo and-2
false || echo or-1
true || echo or-2
true && false || echo chain
echo a; echo b ; echo c
