# mapfile with a here-string and process of lines
mapfile -t lines <<< "alpha
beta
gamma"
echo "${#lines[@]} ${lines[-1]}"
for l in "${lines[@]}"; do echo "${l^}"; done
