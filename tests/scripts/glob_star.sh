touch a.txt b.txt c.log .hidden
echo *.txt
echo *
echo .h*
echo *.none
