a='single $HOME "quoted"'
b="double '$a' \$ \" \\ \`"
echo "$a"
echo "$b"
echo 'it'\''s'
echo "tab	inside" 'and	here'
