# A quoted directory before a pattern (`"$dir"/*.txt`) still globs; a quoted `/`
# inside brackets keeps them from being a bracket expression.
dir=$(mktemp -d)
touch "$dir/a.txt" "$dir/b.txt" "$dir/c.log"
mkdir "$dir/sub dir"; touch "$dir/sub dir/x.txt"
cd "$dir"
d=$dir
echo "$d"/*.txt | sed "s#$dir#D#g"
echo "$d/"*.log | sed "s#$dir#D#g"
echo "$d"/"sub dir"/*.txt | sed "s#$dir#D#g"
for f in "$d"/*.txt; do echo "${f##*/}"; done
echo "sub dir"/*
echo [a"/"b]*
y=$(< "$d"/c.*); echo "[$y]"
echo content > "$d"/c.log; y=$(< "$d"/c.*); echo "[$y]"
cd /; rm -r "$dir"
