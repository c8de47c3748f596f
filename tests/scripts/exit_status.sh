echo start
false
