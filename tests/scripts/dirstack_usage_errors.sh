# pushd and popd refuse options they do not know and extra words, as bash does.
pushd -z
echo "pushd -z: $?"
pushd . . > /dev/null
echo "pushd . .: $?"
pushd -- / > /dev/null
echo "pushd -- /: $? $PWD"
popd zzz
echo "popd zzz: $?"
popd -z
echo "popd -z: $?"
popd -- > /dev/null
echo "popd --: $?"
