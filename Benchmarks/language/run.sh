#!/usr/bin/env bash
# The cell-language benchmarks: each program in this folder runs as one
# notebook cell under `litgrad run`, and as a script under CPython 3.11
# (pure_loop.py) or Python + PyTorch (scalar_chain_training.py), side by side
# with hyperfine. Each program is also run with `steps = 1`, so start-up
# (process, imports, torch initialisation, the first step) can be subtracted
# and the time per loop iteration compared on its own.
#
#   Benchmarks/language/run.sh
#
# Settings (environment): PYTHON=python3 (CPython 3.11),
# TORCH_PYTHON=~/torch-venv/bin/python, RUNS=10. Needs hyperfine
# (apt-get install -y hyperfine). Writes under .build-bench/language/
# (gitignored). Nothing here is a test.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/.build-bench/language"
# The interpreter itself, not a version manager's shim script in front of it.
python=$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')
torch_python=${TORCH_PYTHON:-$HOME/torch-venv/bin/python}
runs=${RUNS:-10}

command -v hyperfine >/dev/null || { echo "run.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }
cd "$repo"
swift build -c release --product litgrad
litgrad="$repo/.build/release/litgrad"
rm -rf "$out" && mkdir -p "$out"

# variant PROGRAM SUFFIX STEPS: PROGRAM.py with its `steps = ...` line set to
# STEPS, as a script and as a one-cell notebook.
variant() {
    local script="$out/$1$2.py"
    sed -E "s/^steps = .*/steps = $3/" "$here/$1.py" > "$script"
    { printf '# %s\n\n```python\n' "$1"; cat "$script"; printf '```\n'; } > "$out/$1$2.md"
}

# same_output PROGRAM SUFFIX PYTHON: the notebook's recorded output (written
# by `litgrad run`) must equal what the script prints under PYTHON.
same_output() {
    "$litgrad" run --quiet "$out/$1$2.md" > /dev/null
    "$3" "$out/$1$2.py" > "$out/$1$2.expected"
    sed -n '/^```output$/,/^```$/p' "$out/$1$2.md" | sed '1d;$d' > "$out/$1$2.actual"
    if ! diff -u "$out/$1$2.expected" "$out/$1$2.actual"; then
        echo "run.sh: litgrad prints something else than $3 for $1$2" >&2
        exit 1
    fi
}

time_pair() { # PROGRAM SUFFIX PYTHON NAME: litgrad and PYTHON on one variant
    hyperfine -N --style basic --warmup 1 --runs "$runs" --export-json "$out/$1$2.json" \
        -n "litgrad" "$litgrad run --quiet $out/$1$2.md" \
        -n "$4" "$3 $out/$1$2.py"
}

pure_steps=$(sed -nE 's/^steps = (.*)$/\1/p' "$here/pure_loop.py")
train_steps=$(sed -nE 's/^steps = (.*)$/\1/p' "$here/scalar_chain_training.py")
variant pure_loop "" "$pure_steps"
variant pure_loop _one 1
variant scalar_chain_training "" "$train_steps"
variant scalar_chain_training _one 1

for suffix in "" _one; do
    same_output pure_loop "$suffix" "$python"
    same_output scalar_chain_training "$suffix" "$torch_python"
done

time_pair pure_loop "" "$python" "CPython"
time_pair pure_loop _one "$python" "CPython"
time_pair scalar_chain_training "" "$torch_python" "PyTorch"
time_pair scalar_chain_training _one "$torch_python" "PyTorch"

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$python" --version) for the pure loop; $("$torch_python" -c 'import sys, torch; print("Python", sys.version.split()[0], "+ PyTorch", torch.__version__)') for training"
python3 "$here/summarize.py" "$out" "$(python3 -c "print($pure_steps)")" "$train_steps"
