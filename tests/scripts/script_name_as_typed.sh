# A script run by a relative name gets that name as $0, through its #! interpreter or
# without one, as Linux passes execve's name (wasmix gave the absolute path).
mkdir -p named/sub && cd named
printf '#!/bin/sh\necho "0=$0 1=$1"\n' > s.sh
printf 'echo "no interpreter line: 0=$0"\n' > n.sh
chmod +x s.sh n.sh
cp s.sh sub/
./s.sh a
sub/../s.sh b
./n.sh
sub/s.sh c
cd sub && ../s.sh d && ./s.sh e
echo "dirname: $(dirname ./s.sh)"
