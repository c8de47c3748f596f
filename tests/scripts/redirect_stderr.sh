ls nosuch 2> err.txt
echo status $?
wc -l < err.txt
ls nosuch 2>&1 | wc -l
ls nosuch > all.txt 2>&1; wc -l < all.txt
