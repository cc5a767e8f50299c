# Generates Fixtures/LossFixtures.swift: loss values, grad_fns and input
# gradients printed by real PyTorch, and the exact error texts.
import torch, torch.nn as nn, torch.nn.functional as F

def swift_str(s):
    return '#"""\n' + s + '\n"""#'

cases = []
def case(name, fn):
    """fn returns (loss, [tensors whose grad to print])."""
    torch.manual_seed(0)
    loss, leaves = fn()
    lines = [str(loss)]
    if loss.requires_grad:
        (loss.sum() if loss.dim() > 0 else loss).backward()
        lines += [str(t.grad) for t in leaves]
    cases.append((name, "\n".join(lines)))

def leaf(values):
    return torch.tensor(values, requires_grad=True)

def logits():
    return torch.randn(4, 3).requires_grad_()

T = torch.tensor
case("ce_ref_0", lambda: (F.cross_entropy(T([[2.0, 1.0]]), T([0])), []))
case("ce_ref_1", lambda: (F.cross_entropy(T([[2.0, 1.0]]), T([1])), []))
case("ce_ref_sum", lambda: (F.cross_entropy(T([[2., 1.], [0.5, 0.5]]), T([0, 1]), reduction='sum'), []))
case("ce_1d", lambda: (lambda x: (F.cross_entropy(x, T(0)), [x]))(leaf([2., 1.])))
case("ce_grad", lambda: (lambda x: (F.cross_entropy(x, T([2, 0])), [x]))(leaf([[1., 2., 3.], [1., 0., -1.]])))
case("ce_random", lambda: (lambda x: (nn.CrossEntropyLoss()(x, T([0, 2, 1, 2])), [x]))(logits()))
case("ce_none", lambda: (lambda x: (F.cross_entropy(x, T([0, 2, 1, 2]), reduction='none'), [x]))(logits()))
case("ce_weight", lambda: (lambda x: (F.cross_entropy(x, T([0, 2, 1, 2]), weight=T([0.2, 1.0, 3.0])), [x]))(logits()))
case("ce_ignore", lambda: (lambda x: (F.cross_entropy(x, T([0, -100, 1, 2])), [x]))(logits()))
case("ce_ignore_custom", lambda: (lambda x: (F.cross_entropy(x, T([0, 1, 1, 2]), ignore_index=1, reduction='sum'), [x]))(logits()))
case("ce_smooth", lambda: (lambda x: (F.cross_entropy(x, T([0, 2, 1, 2]), label_smoothing=0.1), [x]))(logits()))
case("ce_smooth_none_ignore", lambda: (lambda x: (F.cross_entropy(x, T([0, -100, 1, 2]), label_smoothing=0.2, reduction='none'), [x]))(logits()))
case("ce_smooth_weight", lambda: (lambda x: (F.cross_entropy(x, T([0, 2, 1, 2]), weight=T([0.2, 1.0, 3.0]), label_smoothing=0.3), [x]))(logits()))
case("ce_prob_ref", lambda: (F.cross_entropy(T([[2.0, 1.0]]), T([[0.7, 0.3]])), []))
case("ce_prob", lambda: (lambda x: (F.cross_entropy(x, torch.softmax(torch.randn(4, 3), 1)), [x]))(logits()))
case("ce_prob_sum_weight", lambda: (lambda x: (F.cross_entropy(x, torch.softmax(torch.randn(4, 3), 1), weight=T([1., 2., 0.5]), reduction='sum'), [x]))(logits()))
case("ce_prob_none_smooth", lambda: (lambda x: (F.cross_entropy(x, torch.softmax(torch.randn(4, 3), 1), label_smoothing=0.1, reduction='none'), [x]))(logits()))
case("ce_3d", lambda: (lambda x: (F.cross_entropy(x, T([[0, 1], [2, 2]])), [x]))(torch.randn(2, 3, 2).requires_grad_()))
case("ce_3d_none", lambda: (lambda x: (F.cross_entropy(x, T([[0, 1], [2, 2]]), reduction='none'), [x]))(torch.randn(2, 3, 2).requires_grad_()))
case("ce_4d_weight", lambda: (lambda x: (F.cross_entropy(x, T([[[0, 1], [2, 2]]]), weight=T([1., 2., 3.])), [x]))(torch.randn(1, 3, 2, 2).requires_grad_()))
case("nll", lambda: (lambda x: (nn.NLLLoss()(F.log_softmax(x, dim=1), T([1, 0, 2, 2])), [x]))(logits()))
case("nll_ref", lambda: (nn.NLLLoss()(F.log_softmax(T([[2., 1.]]), dim=1), T([0])), []))
case("nll_weight_sum", lambda: (lambda x: (F.nll_loss(x, T([1, 0, 2, 2]), weight=T([0.5, 1., 2.]), reduction='sum'), [x]))(logits()))
case("nll_none_ignore", lambda: (lambda x: (F.nll_loss(x, T([1, 0, -100, 2]), reduction='none'), [x]))(logits()))
case("nll_weight_mean_ignore", lambda: (lambda x: (F.nll_loss(x, T([1, 0, 2, 0]), weight=T([0.5, 1., 2.]), ignore_index=0), [x]))(logits()))
case("bce_ref", lambda: (nn.BCELoss()(T([0.8, 0.2]), T([1., 0.])), []))
case("bce", lambda: (lambda p: (F.binary_cross_entropy(p, T([1., 0., 1., 1., 0.])), [p]))(torch.rand(5).requires_grad_()))
case("bce_weight_sum", lambda: (lambda p: (F.binary_cross_entropy(p, T([[1., 0.], [0., 1.]]), weight=T([2., 0.5]), reduction='sum'), [p]))(torch.rand(2, 2).requires_grad_()))
case("bce_none_edges", lambda: (lambda p: (F.binary_cross_entropy(p, T([1., 0., 0.5])), [p]))(leaf([0.0, 1.0, 0.5])))
case("bce_logits_ref", lambda: (nn.BCEWithLogitsLoss()(T([0.8, -0.2]), T([1., 0.])), []))
case("bce_logits", lambda: (lambda x: (F.binary_cross_entropy_with_logits(x, T([1., 0., 1., 1., 0.])), [x]))(torch.randn(5).requires_grad_()))
case("bce_logits_pos_weight", lambda: (lambda x: (nn.BCEWithLogitsLoss(pos_weight=T([3., 0.5]))(x, T([[1., 0.], [1., 1.], [0., 1.]])), [x]))(torch.randn(3, 2).requires_grad_()))
case("bce_logits_weight_none", lambda: (lambda x: (F.binary_cross_entropy_with_logits(x, T([[1., 0.], [1., 1.]]), weight=T([2., 1.]), reduction='none'), [x]))(torch.randn(2, 2).requires_grad_()))
case("mse_ref", lambda: (lambda x: (F.mse_loss(x, T([1.5, 2., 2.])), [x]))(leaf([1., 2., 3.])))
case("mse_none", lambda: (lambda x: (nn.MSELoss(reduction='none')(x, T([1.5, 2., 2.])), [x]))(leaf([1., 2., 3.])))
case("mse_broadcast", lambda: (lambda x: (F.mse_loss(x, torch.zeros(4)), [x]))(torch.ones(4, 1).requires_grad_()))
case("l1", lambda: (lambda x: (nn.L1Loss()(x, T([1.5, 2., 2.])), [x]))(leaf([1., 2., 3.])))
case("l1_sum", lambda: (lambda x: (F.l1_loss(x, T([1.5, 2., 2.]), reduction='sum'), [x]))(leaf([1., 2., 3.])))
case("l1_none", lambda: (lambda x: (F.l1_loss(x, T([1.5, 2., 2.]), reduction='none'), [x]))(leaf([1., 2., 3.])))
case("huber", lambda: (lambda x: (nn.HuberLoss()(x, torch.randn(6)), [x]))(torch.randn(6).mul(2).requires_grad_()))
case("huber_delta_sum", lambda: (lambda x: (F.huber_loss(x, torch.zeros(6), reduction='sum', delta=0.5), [x]))(torch.randn(6).requires_grad_()))
case("smooth_l1", lambda: (lambda x: (nn.SmoothL1Loss()(x, torch.randn(6)), [x]))(torch.randn(6).mul(2).requires_grad_()))
case("smooth_l1_beta_none", lambda: (lambda x: (F.smooth_l1_loss(x, torch.zeros(2, 3), reduction='none', beta=0.3), [x]))(torch.randn(2, 3).requires_grad_()))
case("softmax_ref", lambda: (F.softmax(T([1., 2., 3.]), dim=0), []))
case("softmax_module", lambda: (lambda x: (nn.Softmax(dim=1)(x), [x]))(logits()))
case("log_softmax_module", lambda: (lambda x: (nn.LogSoftmax(dim=-1)(x), [x]))(logits()))

errors = []
def err(name, fn):
    try:
        fn()
        errors.append((name, "no error"))
    except Exception as e:
        errors.append((name, f"{type(e).__name__}: {e}"))

x = torch.randn(2, 3)
err("ce_oob", lambda: F.cross_entropy(x, T([0, 3])))
err("ce_batch", lambda: F.cross_entropy(x, T([0, 1, 2])))
err("ce_2d_target", lambda: F.cross_entropy(x, T([[0, 1], [1, 1]])))
err("ce_long_prob", lambda: F.cross_entropy(x, torch.zeros(2, 3, dtype=torch.long)))
err("ce_float_target", lambda: F.cross_entropy(x, T([0.0, 1.0])))
err("ce_int_target", lambda: F.cross_entropy(x, T([0, 1], dtype=torch.int32)))
err("ce_prob_ignore", lambda: F.cross_entropy(x, torch.zeros(2, 3), ignore_index=1))
err("ce_smoothing", lambda: F.cross_entropy(x, T([0, 1]), label_smoothing=1.5))
err("ce_weight_shape", lambda: F.cross_entropy(x, T([0, 1]), weight=torch.ones(2)))
err("ce_3d_target", lambda: F.cross_entropy(torch.randn(2, 3, 4), torch.zeros(2, 5, dtype=torch.long)))
err("bce_range", lambda: F.binary_cross_entropy(T([1.5]), T([1.])))
err("bce_size", lambda: F.binary_cross_entropy(T([0.5, 0.5]), T([1.])))
err("bce_long", lambda: F.binary_cross_entropy(T([0.5, 0.5]), T([1, 0])))
err("bce_logits_size", lambda: F.binary_cross_entropy_with_logits(T([0.5, 0.5]), T([1.])))
err("nll_0d", lambda: F.nll_loss(torch.tensor(1.), T(0)))
err("nll_1d_target", lambda: F.nll_loss(torch.randn(3), T([0, 1])))

out = ["// Generated by FixtureScripts/losses.py from PyTorch %s. Do not edit." % torch.__version__, "",
       "/// Each case printed the loss, then (after backward of its sum) each input's grad.",
       "let lossFixtures: [(name: String, printed: String)] = ["]
for name, text in cases:
    out.append('    ("%s", %s),' % (name, swift_str(text)))
out.append("]")
out.append("")
out.append("let lossErrorFixtures: [(name: String, error: String)] = [")
for name, text in errors:
    out.append('    ("%s", %s),' % (name, swift_str(text)))
out.append("]")
open("../Fixtures/LossFixtures.swift", "w").write("\n".join(out) + "\n")
