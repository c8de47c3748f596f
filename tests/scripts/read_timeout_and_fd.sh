# read from a numbered descriptor and with a timeout on an empty pipe.
printf 'from three\n' > f3
exec 3< f3
read -r -u 3 line; echo "$line"
exec 3<&-
read -t 0.1 x < <(sleep 1); echo "timed out: $?"
echo "text" | { read -t 1 y; echo "read in time: $? $y"; }
