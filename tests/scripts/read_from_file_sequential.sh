printf 'one\ntwo\nthree\n' > lines.txt
{ read first; read second; cat; } < lines.txt
