# Brace expansion: lists, nesting, prefixes and suffixes
echo {a,b,c}
echo pre{1,2}post
echo {a,b}{x,y}
echo x{,y,z}
echo {a,b{c,d}e}f
echo "{a,b}" '{a,b}' \{a,b\}
echo {a} {} {,}
for f in file{1,2}.txt; do echo "$f"; done
mkdir -p tree && cd tree && mkdir -p {src,doc}/{a,b} && ls -d */* && cd ..
