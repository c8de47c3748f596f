set=yes; empty=
echo "[${set:+alt}] [${empty:+alt}] [${empty+alt}] [${nothing+alt}]"
