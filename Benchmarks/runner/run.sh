#!/usr/bin/env bash
# Times `litgrad check` on the bundled lessons and on a generated corpus of
# small lesson notebooks, next to Python + PyTorch doing the same work
# (torch_check.py, and `pytest --nbval` on .ipynb copies of the corpus).
#
#   Benchmarks/runner/run.sh
#
# Settings (environment):
#   CORPUS_SIZE=1000      notebooks in the generated corpus
#   NBVAL_SAMPLE=50       corpus notebooks nbval runs; its time is scaled to the
#                         whole corpus (each notebook starts its own kernel, so
#                         the cost is linear; the full run takes hours here).
#                         Set it to CORPUS_SIZE to run nbval on everything.
#   LESSON_EXCLUDE=07-training-a-network.md
#                         lessons left out (07 imports matplotlib.pyplot, not
#                         yet bound on main); set it empty once it is.
#   TORCH_PYTHON=~/torch-venv/bin/python   a Python with torch, nbval, pytest-xdist
#
# Needs hyperfine (apt-get install -y hyperfine). Writes everything under
# .build-bench/ (gitignored). Nothing here is a test.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/.build-bench/runner"
corpus="$repo/.build-bench/corpus"
torch_python=${TORCH_PYTHON:-$HOME/torch-venv/bin/python}
count=${CORPUS_SIZE:-1000}
nbval_sample=${NBVAL_SAMPLE:-50}
lesson_exclude=${LESSON_EXCLUDE-07-training-a-network.md}

command -v hyperfine >/dev/null || { echo "run.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 2; }
"$torch_python" -c "import torch, nbval, xdist" 2>/dev/null ||
    { echo "run.sh: $torch_python needs torch, nbval and pytest-xdist" >&2; exit 2; }

cd "$repo"
swift build -c release --product litgrad
litgrad="$repo/.build/release/litgrad"
mkdir -p "$out"

if [ "$(find "$corpus/md" -name '*.md' 2>/dev/null | wc -l)" -ne "$count" ] ||
   [ "$(find "$corpus/ipynb" -name '*.ipynb' 2>/dev/null | wc -l)" -ne "$count" ]; then
    rm -rf "$corpus"
    "$torch_python" "$here/make_corpus.py" "$corpus" --count "$count"
fi

# An evenly spread sample of the .ipynb corpus for nbval.
sample="$corpus/nbval-sample"
rm -rf "$sample" && mkdir -p "$sample"
find "$corpus/ipynb" -name '*.ipynb' | sort | awk -v n="$count" -v k="$nbval_sample" \
    'NR % int(n / k) == 0 && taken < k { print; taken++ }' | xargs cp -t "$sample"
sample_size=$(find "$sample" -name '*.ipynb' | wc -l)

lesson_files=()
while IFS= read -r f; do lesson_files+=("$f"); done < <(find notebooks -name '*.md' | sort)
exclude_args=()
if [ -n "$lesson_exclude" ]; then
    exclude_args=(--exclude "$lesson_exclude")
    kept=()
    for f in "${lesson_files[@]}"; do [ "$(basename "$f")" = "$lesson_exclude" ] || kept+=("$f"); done
    lesson_files=("${kept[@]}")
fi
shards="$here/check_in_shards.sh"
nbval="$torch_python -m pytest --nbval -q -p no:cacheprovider -n 2 --dist loadfile"

# bench NAME TRIES WARMUPS RUNS COMMAND...
# Runs the command TRIES times first: a crash (exit status above 1) in any try
# marks it crashed and it is not timed. An exit status of 1 (some output
# differs) does not stop the timing, since the command did the whole job; the
# last pass/fail summary it printed goes to NAME.status for the table.
bench() {
    local name=$1 tries=$2 warmups=$3 runs=$4 crashes=0 status i
    shift 4
    rm -f "$out/$name.json" "$out/$name.crash.log"
    for i in $(seq 1 "$tries"); do
        "$@" > "$out/$name.log" 2>&1 && status=0 || status=$?
        if [ "$status" -gt 1 ]; then crashes=$((crashes + 1)); cp "$out/$name.log" "$out/$name.crash.log"; fi
    done
    if [ "$crashes" -gt 0 ]; then
        echo "crashed in $crashes of $tries tries" > "$out/$name.status"
        echo "run.sh: $name crashed in $crashes of $tries tries (see $out/$name.crash.log); not timed" >&2
        return
    fi
    hyperfine -N --style basic --ignore-failure --warmup "$warmups" --runs "$runs" \
        --output "$out/$name.log" --export-json "$out/$name.json" -n "$name" "$*"
    grep -E '[0-9]+ (passed|failed)' "$out/$name.log" | tail -1 |
        sed -E 's/ in [0-9.]+s.*$//; s/^=+ //' > "$out/$name.status"
}

bench lessons_litgrad_j1 10 3 20 "$litgrad" check notebooks --quiet --jobs 1 "${exclude_args[@]}"
bench lessons_litgrad 20 3 20 "$litgrad" check notebooks --quiet "${exclude_args[@]}"
bench lessons_torch 1 1 3 env MPLBACKEND=Agg "$torch_python" "$here/torch_check.py" "${lesson_files[@]}"
bench corpus_litgrad_j2 5 1 10 "$litgrad" check "$corpus/md" --quiet --jobs 2
bench corpus_litgrad_shards 3 1 10 "$shards" 2 "$litgrad" "$corpus/md" --quiet
bench corpus_litgrad_j1 3 1 10 "$litgrad" check "$corpus/md" --quiet --jobs 1
bench corpus_torch 1 0 3 "$torch_python" "$here/torch_check.py" --jobs 2 "$corpus/md"
bench corpus_nbval 0 0 1 $nbval "$sample"  # one run: about 2.5 s of CPU per notebook

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "lessons: ${#lesson_files[@]} notebooks${lesson_exclude:+ (excluded: $lesson_exclude)}; corpus: $count notebooks; nbval ran $sample_size of them"
python3 "$here/summarize.py" "$out" "$count" "$sample_size"
