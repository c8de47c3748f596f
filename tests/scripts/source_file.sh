cat > lib.sh <<'EOF'
greet() { echo "hi $1"; }
LIBVAR=loaded
EOF
. ./lib.sh
greet there
echo $LIBVAR
source ./lib.sh
echo again $LIBVAR
