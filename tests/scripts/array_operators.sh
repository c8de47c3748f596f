# Parameter operators applied to every element
files=(report.txt notes.md data.txt)
echo "${files[@]%.*}"
echo "${files[@]#*.}"
echo "${files[@]/txt/TXT}"
echo "${files[@]^^}"
echo "${files[0]^}"
echo "${#files[1]}"
copy=("${files[@]/#/dir/}")
printf '%s\n' "${copy[@]}"
