if true; then echo yes; fi
if false; then echo no; else echo otherwise; fi
if false; then echo a; elif false; then echo b; elif true; then echo c; else echo d; fi
if false; then echo x; fi; echo "status $?"
if echo cond | grep -q cond; then echo found; fi
