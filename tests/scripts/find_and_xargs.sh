# find with -name/-type and xargs, sorted for stable output.
mkdir -p tree/a tree/b
touch tree/a/x.txt tree/b/y.txt tree/b/z.log
find tree -type f -name '*.txt' | sort
find tree -type d | sort
find tree -name '*.log' -print0 | xargs -0 -n1 basename
find tree -type f | sort | xargs wc -c | tail -n 1
find tree -type f -exec sh -c 'echo "found ${1##*/}"' _ {} \; | sort
