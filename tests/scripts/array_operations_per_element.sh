# Parameter operations apply to every element.
a=(apple banana cherry)
echo "${a[@]#?}" "|" "${a[@]%a*}" "|" "${a[@]/an/AN}" "|" "${a[@]//a/_}"
echo "${a[@]^}" "|" "${a[@]^^}" "|" "${#a[@]}" "${#a[1]}"
echo "${a[@]/#/pre-}" "|" "${a[@]/%/-post}"
b=(Mixed CASE words)
echo "${b[@],,}" "${b[@],}"
