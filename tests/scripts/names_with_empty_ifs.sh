# ${!prefix*} and ${!a[*]} unquoted with IFS empty: one word each, where $* is many.
gLwbmGzS_var1=1
gLwbmGzS_var2=2
a=(v1 v2 v3)
declare -A h=([x]=1)
show() { printf '[%s]' "$@"; echo; }
IFS=''
show at ${!gLwbmGzS_@}
show star ${!gLwbmGzS_*}
show "${!gLwbmGzS_*}"
show keys ${!a[@]}
show star-keys ${!a[*]}
show "${!a[*]}"
show ${!h[*]}
show none ${!zzzNothing_*}
set -- p q
show $*
IFS=:
show ${!gLwbmGzS_*}
show ${!a[*]}
unset IFS
show ${!a[*]}
