# mapfile -O starts at an index and keeps what is before it; -d '' splits at NULs.
printf '%s\n' a0 a1 a2 | {
  arr=(x y z)
  mapfile -O 2 -t arr
  echo "n=${#arr[@]}"
  printf '[%s]\n' "${arr[@]}"
}
printf '%s\0' 1 3 5 | {
  mapfile -d '' arr
  echo "n=${#arr[@]}"
  printf '[%s]\n' "${arr[@]}"
}
printf 'l1\nl2\n' | { mapfile -O 1 kept; declare -p kept; }
