cd /tmp && pwd
cd / ; pwd
cd - > /dev/null; pwd
cd /nonexistent 2>/dev/null; echo status $?
cd /tmp; cd ..; pwd
