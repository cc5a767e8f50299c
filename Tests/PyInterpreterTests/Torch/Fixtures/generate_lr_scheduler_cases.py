"""Regenerates lr_scheduler_cases.json: torch.optim.lr_scheduler cells run in PyTorch 2.x.

Run:  ~/torch-venv/bin/python generate_lr_scheduler_cases.py
Each case is one cell run in a fresh namespace after PRELUDE. It records what
the cell printed, the exception that ended it (`Type: message`, or null) and
its warnings as `where:line: Category: message`, where `where` is `cell` for
the cell's own lines and the file's base name otherwise.
"""
import contextlib
import io
import json
import os
import warnings

import torch

HERE = os.path.dirname(os.path.abspath(__file__))

PRELUDE = """
import torch
from torch.optim import lr_scheduler as L
def opt(lr=0.1, groups=1, momentum=0):
    ps = [torch.zeros(1, requires_grad=True) for _ in range(groups)]
    return torch.optim.SGD([{'params': [p]} for p in ps], lr=lr, momentum=momentum)
def run(s, o, n=10):
    print(s.get_last_lr())
    for _ in range(n):
        o.step(); s.step(); print(s.get_last_lr())
"""

CASES = {
    # Chainable forms: every printed digit follows PyTorch's recursion.
    "cosine_recursion_over_two_periods": "o = opt(); run(L.CosineAnnealingLR(o, T_max=5), o, 22)",
    "cosine_eta_min_odd_period": "o = opt(); run(L.CosineAnnealingLR(o, T_max=7, eta_min=0.001), o, 16)",
    "cosine_int_lr_stays_int_at_construction": "o = opt(lr=1); s = L.CosineAnnealingLR(o, T_max=3); run(s, o, 4); print(s.T_max, s.eta_min)",
    "cosine_float_period": "o = opt(); s = L.CosineAnnealingLR(o, T_max=4.0); run(s, o, 6); print(s.T_max)",
    "lambda_float_factor": "o = opt(); run(L.LambdaLR(o, lambda epoch: 0.95 ** epoch), o, 8)",
    "lambda_int_factor_keeps_int_lr": "o = opt(lr=1); run(L.LambdaLR(o, lr_lambda=lambda e: e // 3), o, 7)",
    "lambda_one_per_group": "o = opt(groups=2); run(L.LambdaLR(o, [lambda e: 1 / (e + 1), lambda e: 0.5]), o, 3)",
    "multiplicative": "o = opt(); run(L.MultiplicativeLR(o, lambda e: 0.9), o, 8)",
    "linear_defaults": "o = opt(); run(L.LinearLR(o), o, 7)",
    "linear_decay": "o = opt(); run(L.LinearLR(o, start_factor=1, end_factor=0.1, total_iters=6), o, 8)",
    "linear_partial": "o = opt(); s = L.LinearLR(o, 0.25, 0.5, 4); run(s, o, 6); print(s.start_factor, s.end_factor, s.total_iters)",
    "constant_defaults": "o = opt(); run(L.ConstantLR(o), o, 7)",
    "constant_int_lr": "o = opt(lr=1); run(L.ConstantLR(o, factor=0.5, total_iters=3), o, 4)",
    "polynomial": "o = opt(); run(L.PolynomialLR(o, total_iters=6, power=2.0), o, 8)",
    "warm_restarts": "o = opt(); s = L.CosineAnnealingWarmRestarts(o, T_0=3); run(s, o, 8); print(s.T_cur, s.T_i)",
    "warm_restarts_growing": "o = opt(); s = L.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2, eta_min=1e-4); run(s, o, 15); print(s.T_0, s.T_i, s.T_cur, s.T_mult)",
    "step_multistep_exponential_unchanged": (
        "o = opt(); run(L.StepLR(o, step_size=3, gamma=0.5), o, 7)\n"
        "o = opt(); run(L.MultiStepLR(o, milestones=[2, 4, 4], gamma=0.5), o, 5)\n"
        "o = opt(); run(L.ExponentialLR(o, gamma=0.9), o, 4)"),
    # OneCycleLR: lr, momentum or beta1, and the keys it leaves in the groups.
    "one_cycle_sgd_momentum": (
        "o = opt(momentum=0.9); s = L.OneCycleLR(o, max_lr=0.5, total_steps=10)\n"
        "print(o.param_groups[0]['lr'], o.param_groups[0]['momentum'])\n"
        "for _ in range(10):\n"
        "    o.step(); s.step(); print(s.get_last_lr(), o.param_groups[0]['momentum'])\n"
        "print(o)\nprint(s.total_steps, s.last_epoch, s.base_lrs)"),
    "one_cycle_adam_three_phase_linear": (
        "p = torch.zeros(1, requires_grad=True); o = torch.optim.Adam([p], lr=0.01)\n"
        "s = L.OneCycleLR(o, max_lr=0.5, epochs=3, steps_per_epoch=4, anneal_strategy='linear', three_phase=True)\n"
        "for _ in range(12):\n"
        "    o.step(); s.step(); print(s.get_last_lr(), o.param_groups[0]['betas'])"),
    "one_cycle_plain_sgd_gains_momentum": (
        "o = opt(); s = L.OneCycleLR(o, max_lr=0.1, total_steps=4, div_factor=10, final_div_factor=100)\n"
        "print(sorted(o.param_groups[0].keys()))\n"
        "print([(k, o.param_groups[0][k]) for k in ['initial_lr', 'max_lr', 'min_lr', 'max_momentum', 'base_momentum', 'momentum']])"),
    "one_cycle_list_max_lr_no_momentum": (
        "o = opt(groups=2); s = L.OneCycleLR(o, max_lr=[0.5, 0.05], total_steps=7, cycle_momentum=False, pct_start=0.25)\n"
        "run(s, o, 7)\nprint(o.param_groups[1]['momentum'])"),
    "one_cycle_extrapolates_at_total_steps_then_raises": (
        "o = opt(); s = L.OneCycleLR(o, max_lr=0.1, total_steps=3)\n"
        "for _ in range(4):\n"
        "    o.step(); s.step(); print(s.get_last_lr(), s.last_epoch)"),
    # ReduceLROnPlateau.
    "plateau_min_rel": (
        "o = opt(); s = L.ReduceLROnPlateau(o, patience=2, factor=0.5, min_lr=0.01)\n"
        "print(s.get_last_lr(), s.last_epoch, s.best, 'initial_lr' in o.param_groups[0])\n"
        "for m in [1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]:\n"
        "    s.step(m); print(s.get_last_lr(), s.num_bad_epochs, s.best, s.last_epoch)"),
    "plateau_max_abs_cooldown_tensor_metric": (
        "o = opt(groups=2); s = L.ReduceLROnPlateau(o, mode='max', patience=0, cooldown=2, threshold=0.1, threshold_mode='abs', min_lr=[0.05, 0])\n"
        "for m in [1, 2, 2.05, 2.05, 2.05, 3, 3, 3, 3]:\n"
        "    s.step(torch.tensor(m)); print(s.get_last_lr(), s.cooldown_counter, s.in_cooldown)\n"
        "print(s.min_lrs, s.mode, s.factor, s.patience, s.cooldown, s.threshold, s.threshold_mode, s.eps)"),
    "plateau_floor_keeps_its_type": (
        "o = opt(lr=1); s = L.ReduceLROnPlateau(o, patience=0, factor=0)\n"
        "s.step(1); s.step(2); print(s.get_last_lr())\n"
        "o = opt(lr=1); s = L.ReduceLROnPlateau(o, patience=0, factor=0.25, min_lr=1)\n"
        "s.step(1); s.step(2); print(s.get_last_lr())\n"
        "o = opt(lr=0.3); s = L.ReduceLROnPlateau(o, patience=0, factor=0.5, min_lr=0.2)\n"
        "s.step(1); s.step(2); print(s.get_last_lr()); s.step(3); print(s.get_last_lr())"),
    "plateau_epoch_argument_warns": "o = opt(); s = L.ReduceLROnPlateau(o); s.step(1.0, 5); print(s.last_epoch)",
    # SequentialLR and ChainedScheduler.
    "sequential_warmup_then_cosine": (
        "o = opt(); warm = L.LinearLR(o, start_factor=0.1, total_iters=3); cos = L.CosineAnnealingLR(o, T_max=6, eta_min=0.001)\n"
        "print(o.param_groups[0]['lr'])\n"
        "s = L.SequentialLR(o, schedulers=[warm, cos], milestones=[3])\n"
        "print(s.get_last_lr(), s.last_epoch, warm.last_epoch, cos.last_epoch)\n"
        "for i in range(12):\n"
        "    o.step(); s.step(); print(i, s.get_last_lr(), warm.last_epoch, cos.last_epoch)"),
    "sequential_three_members": (
        "o = opt()\n"
        "s = L.SequentialLR(o, [L.ConstantLR(o, factor=0.5, total_iters=2), L.ExponentialLR(o, 0.5), L.StepLR(o, 2, 0.1)], milestones=[2, 4])\n"
        "run(s, o, 8)\nprint(s.optimizer is o)"),
    "chained": (
        "o = opt(); a = L.ConstantLR(o, factor=0.5, total_iters=2); b = L.ExponentialLR(o, gamma=0.9)\n"
        "c = L.ChainedScheduler([a, b])\nrun(c, o, 6)\nprint(c.optimizer is o, a.last_epoch, b.last_epoch)"),
    # Warnings, step(epoch) closed forms, get_lr.
    "step_before_optimizer_warns_once": "o = opt(); s = L.StepLR(o, 1)\ns.step()\ns.step()\nprint(s.get_last_lr())",
    "wrappers_warn_from_their_own_line": (
        "o = opt(); c = L.ChainedScheduler([L.ExponentialLR(o, 0.9), L.StepLR(o, 2)])\nc.step()\n"
        "o = opt(); s = L.SequentialLR(o, [L.ExponentialLR(o, 0.9), L.StepLR(o, 2)], [2])\ns.step()\nprint(s.get_last_lr(), c.get_last_lr())"),
    "closed_forms_with_epoch": (
        "o = opt(); s = L.StepLR(o, step_size=2)\n"
        "for e in [3, 5, 0, 4]:\n"
        "    s.step(e); print(s.get_last_lr(), s.last_epoch)\n"
        "for make in [lambda o: L.CosineAnnealingLR(o, T_max=10), lambda o: L.ExponentialLR(o, 0.5),\n"
        "             lambda o: L.MultiStepLR(o, [2, 4, 4], 0.5), lambda o: L.LinearLR(o, total_iters=4),\n"
        "             lambda o: L.ConstantLR(o, total_iters=4), lambda o: L.PolynomialLR(o, total_iters=4),\n"
        "             lambda o: L.LambdaLR(o, lambda e: 1 / (e + 1)), lambda o: L.MultiplicativeLR(o, lambda e: 0.5)]:\n"
        "    o = opt(); s = make(o); o.step(); s.step(3); print(type(s).__name__, s.get_last_lr())"),
    "warm_restarts_fractional_epochs": (
        "s = L.CosineAnnealingWarmRestarts(opt(), T_0=4, T_mult=2)\n"
        "for e in [0.5, 1.25, 4, 5.5, 13, 30.5]:\n"
        "    s.step(e); print(e, s.get_last_lr(), s.last_epoch, s.T_cur, s.T_i)\n"
        "s = L.CosineAnnealingWarmRestarts(opt(), T_0=3)\n"
        "s.step(7.5); print(s.get_last_lr(), s.T_cur); s.step(); print(s.get_last_lr(), s.T_cur)"),
    "get_lr_warns_and_computes_ahead": (
        "o = opt(); s = L.ExponentialLR(o, 0.9)\nprint(s.get_lr(), s.get_last_lr())\n"
        "print(s.base_lrs, s.last_epoch, s.gamma, isinstance(s, L.LRScheduler))"),
    "scheduler_on_a_group_added_later": (
        "o = opt(); s = L.StepLR(o, 1, 0.5)\n"
        "o.add_param_group({'params': [torch.zeros(1, requires_grad=True)], 'lr': 1.0})\n"
        "o.step(); s.step(); print(s.get_last_lr(), s.base_lrs)"),
    "python_subclass_defines_get_lr": (
        "class Warmup(L.LRScheduler):\n"
        "    def __init__(self, optimizer, warmup, last_epoch=-1):\n"
        "        self.warmup = warmup\n"
        "        super().__init__(optimizer, last_epoch)\n"
        "    def get_lr(self):\n"
        "        if self.last_epoch >= self.warmup:\n"
        "            return [g['lr'] * 0.5 for g in self.optimizer.param_groups]\n"
        "        return [base * (self.last_epoch + 1) / self.warmup for base in self.base_lrs]\n"
        "o = opt(groups=2); s = Warmup(o, 3); run(s, o, 6)\n"
        "print(isinstance(s, L.LRScheduler), s.warmup, s.last_epoch, o.param_groups[1]['initial_lr'])"),
    # Parameters move with the scheduled options (momentum and beta1 included).
    "parameters_follow_one_cycle_sgd": (
        "w = torch.tensor([1.0, -2.0], requires_grad=True); o = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)\n"
        "s = L.OneCycleLR(o, max_lr=0.3, total_steps=6)\n"
        "for _ in range(6):\n"
        "    o.zero_grad(); loss = (w * w * torch.tensor([1.0, 3.0])).sum(); loss.backward(); o.step(); s.step()\n"
        "    print(w.tolist(), loss.item(), s.get_last_lr(), o.param_groups[0]['momentum'])"),
    "parameters_follow_cosine_sgd": (
        "w = torch.tensor([0.5, 4.0], requires_grad=True); o = torch.optim.SGD([w], lr=0.2)\n"
        "s = L.CosineAnnealingLR(o, T_max=4, eta_min=0.01)\n"
        "for _ in range(8):\n"
        "    o.zero_grad(); loss = (w ** 2).sum(); loss.backward(); o.step(); s.step()\n"
        "    print(w.tolist(), o.param_groups[0]['lr'])"),
    # Errors, with PyTorch's types and wording.
    "error_one_cycle_needs_a_length": "L.OneCycleLR(opt(), max_lr=0.1)",
    "error_one_cycle_empty_warmup_divides_by_zero": "L.OneCycleLR(opt(), max_lr=0.1, total_steps=10, pct_start=0.1)",
    "error_one_cycle_int_pct_start": "L.OneCycleLR(opt(), max_lr=0.1, total_steps=10, pct_start=0)",
    "error_one_cycle_list_length": "L.OneCycleLR(opt(groups=2), max_lr=[0.1], total_steps=10)",
    "error_one_cycle_momentum_length": "L.OneCycleLR(opt(groups=2), max_lr=0.1, total_steps=10, max_momentum=[0.9, 0.9, 0.9])",
    "error_one_cycle_without_momentum": "L.OneCycleLR(torch.optim.Adagrad([torch.zeros(1, requires_grad=True)]), max_lr=0.1, total_steps=10)",
    "error_one_cycle_strategy": "L.OneCycleLR(opt(), max_lr=0.1, total_steps=10, anneal_strategy='exp')",
    "error_one_cycle_total_steps": "L.OneCycleLR(opt(), max_lr=0.1, total_steps=0)",
    "error_one_cycle_steps_per_epoch": "L.OneCycleLR(opt(), max_lr=0.1, epochs=2, steps_per_epoch=2.5)",
    "error_linear_start": "L.LinearLR(opt(), start_factor=0)",
    "error_linear_end": "L.LinearLR(opt(), end_factor=1.5)",
    "error_constant_factor": "L.ConstantLR(opt(), factor=2)",
    "error_constant_zero_factor_divides_at_total_iters": "o = opt(); s = L.ConstantLR(o, factor=0, total_iters=1); print(s.get_last_lr()); o.step(); s.step()",
    "error_plateau_factor": "L.ReduceLROnPlateau(opt(), factor=1.0)",
    "error_plateau_mode": "L.ReduceLROnPlateau(opt(), mode='mean')",
    "error_plateau_threshold_mode": "L.ReduceLROnPlateau(opt(), threshold_mode='relative')",
    "error_plateau_min_lrs": "L.ReduceLROnPlateau(opt(groups=2), min_lr=[0.1])",
    "error_plateau_needs_metrics": "L.ReduceLROnPlateau(opt()).step()",
    "error_plateau_has_no_base_lrs": "L.ReduceLROnPlateau(opt()).base_lrs",
    "error_lambda_count": "L.LambdaLR(opt(groups=2), [lambda e: 1])",
    "error_multiplicative_not_callable": "L.MultiplicativeLR(opt(), 0.5)",
    "error_lambda_not_callable": "L.LambdaLR(opt(), 0.5)",
    "error_lambda_raises": "L.LambdaLR(opt(), lambda e: 1 / e)",
    "error_warm_restarts_t0": "L.CosineAnnealingWarmRestarts(opt(), T_0=0)",
    "error_warm_restarts_t_mult": "L.CosineAnnealingWarmRestarts(opt(), T_0=2, T_mult=0)",
    "error_warm_restarts_negative_epoch": "L.CosineAnnealingWarmRestarts(opt(), T_0=2).step(-1)",
    "error_cosine_zero_period_at_first_step": "o = opt(); s = L.CosineAnnealingLR(o, T_max=0); print(s.get_last_lr()); s.step()",
    "error_step_zero_size_at_first_step": "o = opt(); s = L.StepLR(o, step_size=0); print(s.get_last_lr()); s.step()",
    "error_sequential_milestones": "o = opt(); L.SequentialLR(o, [L.StepLR(o, 2)], milestones=[1])",
    "error_sequential_empty": "L.SequentialLR(opt(), [], milestones=[])",
    "error_sequential_plateau": "o = opt(); L.SequentialLR(o, [L.ReduceLROnPlateau(o)], milestones=[])",
    "error_sequential_not_a_scheduler": "o = opt(); L.SequentialLR(o, [o], milestones=[])",
    "error_sequential_step_takes_no_epoch": "o = opt(); L.SequentialLR(o, [L.StepLR(o, 2)], milestones=[]).step(3)",
    "error_chained_other_optimizer": "o = opt(); L.ChainedScheduler([L.StepLR(o, 2), L.StepLR(opt(), 2)])",
    "error_chained_empty": "L.ChainedScheduler([])",
    "error_chained_has_no_last_epoch": "o = opt(); L.ChainedScheduler([L.StepLR(o, 2)]).last_epoch",
    "error_step_too_many_arguments": "L.StepLR(opt(), 2).step(1, 2)",
    "error_plateau_step_too_many_arguments": "L.ReduceLROnPlateau(opt()).step(1, 2, 3)",
    "error_python_subclass_without_get_lr": "class Bare(L.LRScheduler):\n    pass\nBare(opt())",
    "error_missing_argument": "L.CosineAnnealingLR(opt())",
    "error_resume_without_initial_lr": "L.StepLR(opt(), 2, last_epoch=3)",
}


def run_case(code):
    namespace = {"__name__": "__main__"}
    exec(compile(PRELUDE, "<prelude>", "exec"), namespace)
    out = io.StringIO()
    error = None
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
        warnings.simplefilter("default")
        try:
            exec(compile(code, "<cell>", "exec"), namespace)
        except Exception as e:  # noqa: BLE001
            msg = repr(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)
            error = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
    where = lambda w: "cell" if w.filename == "<cell>" else os.path.basename(w.filename)
    return {
        "output": out.getvalue(),
        "error": error,
        "warnings": [f"{where(w)}:{w.lineno}: {w.category.__name__}: {w.message}" for w in caught],
    }


cases = [dict(name=name, code=code, **run_case(code)) for name, code in CASES.items()]
with open(os.path.join(HERE, "lr_scheduler_cases.json"), "w") as f:
    json.dump({"torch": torch.__version__, "prelude": PRELUDE, "cases": cases}, f, indent=1)
    f.write("\n")
