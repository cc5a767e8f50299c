steps = 10**6
s = 0
for i in range(steps):
    s += i * i
print(s)
