# Tilde expansion at word starts and after : in assignments.
HOME=/home/tester
echo ~ ~/docs "~" '~' \~ x~
p=~/bin:~/lib
echo "$p"
echo ~+ | grep -q / && echo "~+ is the working directory"
cd /tmp 2>/dev/null && cd / && echo ~- 
unset HOME
echo ~ | grep -q . && echo "unset HOME still expands"
