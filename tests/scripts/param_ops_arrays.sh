# Pattern operators over whole arrays
paths=(/usr/bin/env /bin/sh /usr/local/bin/tool)
echo "${paths[@]##*/}"
echo "${paths[@]%/*}"
echo "${paths[@]/bin/BIN}"
echo "${#paths[@]} ${#paths[2]}"
