#!/usr/bin/env python3
"""Fills a notebook's output blocks by running its python cells in real PyTorch.

Maintainers' tool for making golden fixtures: Litgrad's own outputs must equal
what this writes. Tests and CI never run it. Usage:

    python tools/torch_reference.py NOTEBOOK.md [...]   # rewrite in place
    python tools/torch_reference.py --stdout NOTEBOOK.md

Cells are fenced blocks whose info string starts with `python`/`py`; the
attributes `norun` and `error` are honoured (an `error` cell's output ends
with `ExceptionType: message`). `import oneflow as of` is mapped to torch.
"""
import contextlib
import io
import re
import sys
import traceback
import types

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


def blocks(lines):
    """Yields (start, end, info, body_lines) for each fenced block (end exclusive)."""
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i].rstrip("\r\n"))
        if not m:
            i += 1
            continue
        fence = m.group(2)
        info = m.group(3).strip()
        j = i + 1
        while j < len(lines):
            c = lines[j].rstrip("\r\n").strip()
            if c.startswith(fence[0] * len(fence)) and set(c) <= {fence[0]}:
                break
            j += 1
        yield i, min(j + 1, len(lines)), info, lines[i + 1:j]
        i = j + 1


def install_oneflow_alias():
    import torch
    mod = types.ModuleType("oneflow")
    mod.__dict__.update(torch.__dict__)
    sys.modules["oneflow"] = mod
    sys.modules["oneflow.nn"] = torch.nn
    sys.modules["oneflow.optim"] = torch.optim


def run(path, to_stdout):
    text = open(path, encoding="utf-8").read()
    lines = text.splitlines(keepends=True)
    found = list(blocks(lines))
    namespace = {"__name__": "__main__"}
    edits = []  # (start, end, new_lines)
    for k, (start, end, info, body) in enumerate(found):
        words = info.split()
        if not words or words[0] not in ("python", "py"):
            continue
        attrs = words[1:]
        if "norun" in attrs:
            continue
        code = "".join(body)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, f"<{path}:{start + 2}>", "exec"), namespace)
            except Exception as e:  # noqa: BLE001
                if "error" not in attrs:
                    sys.stdout.write(out.getvalue())
                    traceback.print_exc()
                    sys.exit(f"{path}:{start + 2}: cell raised")
                msg = str(e)
                if isinstance(e, KeyError) and e.args:
                    msg = repr(e.args[0])
                print(f"{type(e).__name__}: {msg}" if msg else type(e).__name__)
        printed = out.getvalue()
        if printed and not printed.endswith("\n"):
            printed += "\n"
        # The existing output block directly after the cell (blank lines allowed).
        nxt = found[k + 1] if k + 1 < len(found) else None
        has_output = nxt is not None and nxt[2].split()[:1] == ["output"] and all(
            not l.strip() for l in lines[end:nxt[0]])
        longest = max((len(r) for r in re.findall(r"`+", printed)), default=0)
        fence = "`" * max(3, longest + 1)
        block = [fence + "output\n", printed, fence + "\n"] if printed else []
        if has_output:
            edits.append((end, nxt[1], (["\n"] + block) if block else []))
        elif block:
            edits.append((end, end, ["\n"] + block))
    for start, stop, new in reversed(edits):
        lines[start:stop] = new
    result = "".join(lines)
    if to_stdout:
        sys.stdout.write(result)
    else:
        open(path, "w", encoding="utf-8").write(result)


if __name__ == "__main__":
    args = sys.argv[1:]
    to_stdout = "--stdout" in args
    install_oneflow_alias()
    for p in [a for a in args if a != "--stdout"]:
        run(p, to_stdout)
