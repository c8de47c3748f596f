: "${PORT:=8080}"
: ${HOST:=localhost}
echo "$HOST:$PORT"
PORT=9090
: "${PORT:=8080}"
echo "$HOST:$PORT"
