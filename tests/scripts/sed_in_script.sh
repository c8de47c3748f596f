printf 'alpha\nbeta\ngamma\n' > g.txt
sed -n '2p' g.txt
sed 's/a/A/g' g.txt | head -n 1
sed -i 's/beta/BETA/' g.txt
cat g.txt
