ok() { return 0; }
bad() { return 5; }
ok && echo ok-true
bad || echo "bad-false $?"
last() { false; }
last; echo "implicit $?"
