# Negative indexes, element lengths and last elements
a=(alpha beta gamma)
echo "${a[-1]} ${a[-2]} ${#a[-1]}"
a[-1]=GAMMA
echo "${a[@]}"
echo "${a[${#a[@]}-1]}"
