# Brace expansion to make and list several files at once.
mkdir -p proj/{src,test,doc}
touch proj/src/{main,util}.rs proj/test/it_{1..3}.rs
ls proj | tr '\n' ' '; echo
ls proj/test | wc -l
cp proj/src/main.rs{,.bak}
ls proj/src
