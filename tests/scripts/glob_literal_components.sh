# Glob components without a pattern (`.`, `..`, escaped names) are taken as they are.
mkdir -p tmp/a/b q; touch tmp/a/b/c q/x .h
echo ./* ./tmp/a/b/* ./tmp\/a/b/* ./t\mp/a/b/* ./tmp/*/b/c ./.h* tmp/./a/*/c
echo ./nope/* "./"* .*/q
for f in ./q/*; do echo "found $f"; done
cd q; echo ../tmp/a/*/c ./../q/*
