type cd
type echo >/dev/null && echo echo-found
type nosuchcommand 2>/dev/null || echo missing
type if
