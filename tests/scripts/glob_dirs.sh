mkdir -p d1/x d2/y d3
touch d1/x/file d2/y/file
echo d*/
echo d*/*/file
echo "d*"
