# Brace expansion where commands use it
mkdir -p proj/{src,tests,docs}
touch proj/src/{main,util}.rs
ls proj proj/src
cp proj/src/main.rs{,.bak}
ls proj/src
for n in {1..3}; do printf 'line %02d\n' "$n"; done
echo file{A..C}.{txt,md}
rm -r proj
