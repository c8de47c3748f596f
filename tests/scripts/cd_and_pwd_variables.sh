# cd keeps PWD and OLDPWD
mkdir -p d1/d2
cd d1
echo "${PWD##*/}"
cd d2
echo "${OLDPWD##*/}"
cd - > /dev/null
echo "${PWD##*/}"
