import Notebook
print("litgrad")
