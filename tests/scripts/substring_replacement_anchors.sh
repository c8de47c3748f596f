# Replacement with anchors, empty patterns, and & in the replacement.
s="aaa-bbb-aaa"
echo "${s/a/X}" "${s//a/X}" "${s/#a/X}" "${s/%a/X}" "${s//-/}"
echo "${s/b*/Y}" "${s//[ab]/.}"
t="path/to/file"
echo "${t//\//:}" "${t/\/to/}"
