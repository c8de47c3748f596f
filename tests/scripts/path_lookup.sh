# PATH decides where commands come from; an empty PATH finds nothing.
mkdir -p bin1 bin2
printf '#!/bin/sh\necho one\n' > bin1/tool
printf '#!/bin/sh\necho two\n' > bin2/tool
chmod +x bin1/tool bin2/tool
PATH=$PWD/bin1:$PWD/bin2:$PATH tool
PATH=$PWD/bin2:$PWD/bin1:$PATH tool
( PATH=; tool 2>/dev/null; echo "empty PATH: $?" )
command -p echo "command -p uses a default PATH"
