import torch
import torch.nn as nn
import torch.optim as optim

steps = 100000
x = torch.tensor(1.0)
label = torch.tensor(500.0)
w1 = torch.tensor(10.0, requires_grad=True)
b1 = torch.tensor(1.0, requires_grad=True)
w2 = torch.tensor(20.0, requires_grad=True)
loss_fn = nn.MSELoss()
optimizer = optim.SGD([w1, b1, w2], lr=1e-5)
for step in range(steps):
    y = 2 * ((w1 * x + b1) * w2)
    loss = loss_fn(y, label)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f"after {steps} steps: loss = {loss.item():.4f}")
print("w1 =", w1)
print("b1 =", b1)
print("w2 =", w2)
