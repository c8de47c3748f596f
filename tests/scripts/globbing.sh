mkdir globs && cd globs
mkdir -p dir sub/deeper
touch a.txt b.txt c.log .hidden dir/x.txt sub/deeper/y.txt
echo *.txt
echo "*.txt"
echo '*.txt' *.log
echo *.none
echo */*.txt
echo */*/*.txt
echo ?.log
echo [ab].txt
echo [!a].txt
pattern="*.log"
echo $pattern
echo "$pattern"
assigned=*.txt
echo "$assigned"
for f in *; do echo "item $f"; done
echo .*
case b.txt in *.txt) echo "case glob" ;; esac
case "*" in \*) echo "case literal" ;; esac
