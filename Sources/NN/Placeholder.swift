import Autograd
public enum NNPlaceholder {}
