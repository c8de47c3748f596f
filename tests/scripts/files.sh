mkdir -p work/sub
cd work
touch a b sub/c
ls
ls -R
cp a d
mv d e
ls
rm -r sub
ls
cd ..
rmdir work 2>/dev/null || echo "not empty"
