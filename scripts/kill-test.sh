#!/usr/bin/env bash
# Issue #22: the output folder is never half old and half new.
#
# 1. Kills a BBC build (release binary) with SIGKILL at N random moments of its write phase,
#    over an existing build of the BBC corpus without its last 100 articles, and checks each
#    time that the folder equals the old build or the new one byte for byte (diff -r against
#    two reference builds). The write phase starts when the first file appears in the
#    staging folder; its length is measured once before the kills.
# 2. Builds into a full file system (a small tmpfs; needs root) over an old build and
#    checks that the old build is left as it was, with no temporary file.
# 3. Checks that the next run leaves no temporary file or folder.
#
# Usage: scripts/kill-test.sh [N=20] (from the repository root; needs ../shared and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
corpus=../shared/corpus/bbc-news-2225.jsonl
[ -f "$corpus" ] || { echo "skipped: $corpus is absent"; exit 0; }
cargo build --release --quiet
bin=$PWD/target/release/actorgraph
work=$(mktemp -d)
trap 'umount "$work/full" 2>/dev/null || true; rm -rf "$work"' EXIT

head -n 2125 "$corpus" > "$work/old.jsonl"
"$bin" build "$work/old.jsonl" --out "$work/ref-old" -q
"$bin" build "$corpus" --out "$work/ref-new" -q
mkdir "$work/run"
out=$work/run/out

# Runs the new build over a fresh copy of the old one and kills it DELAY seconds into its
# write phase (a negative delay: let it finish and print the write phase's length).
kill_at() {
  rm -rf "$out"
  cp -a "$work/ref-old" "$out"
  python3 - "$bin" "$corpus" "$out" "$1" <<'EOF'
import os, signal, subprocess, sys, time
bin, corpus, out, delay = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
parent, name = os.path.split(out)
p = subprocess.Popen([bin, "build", corpus, "--out", out, "-q"])
def staged():
    for e in os.scandir(parent):
        if e.name.startswith("." + name + ".actorgraph-new-") and e.is_dir():
            try:
                if any(True for _ in os.scandir(e.path)):
                    return True
            except FileNotFoundError:
                pass
    return False
while not staged():
    if p.poll() is not None:
        sys.exit("the build ended before its write phase")
    time.sleep(0.001)
start = time.monotonic()
if delay < 0:
    p.wait()
    print(f"{time.monotonic() - start:.3f}")
    sys.exit(p.returncode)
time.sleep(delay)
p.send_signal(signal.SIGKILL)
p.wait()
print("killed" if p.returncode == -9 else f"ended ({p.returncode}) before the kill")
EOF
}

phase=$(kill_at -1)
echo "write phase: $phase s (from the first staged file to the end)"
old=0 new=0 mixed=0
for i in $(seq 1 "$n"); do
  delay=$(python3 -c "import random; print(f'{random.uniform(0, $phase):.3f}')")
  what=$(kill_at "$delay")
  left=$(find "$work/run" -mindepth 1 -maxdepth 1 ! -name out | wc -l)
  if diff -r -q "$out" "$work/ref-old" >/dev/null; then state=old; old=$((old + 1))
  elif diff -r -q "$out" "$work/ref-new" >/dev/null; then state=new; new=$((new + 1))
  else state=MIXED; mixed=$((mixed + 1)); ls -la "$out"
  fi
  if [ "$left" = 1 ]; then left="1 leftover folder"; else left="$left leftover folders"; fi
  printf 'kill %2d at %6.3f s: %-6s %s; %s before the next run\n' \
    "$i" "$delay" "$state" "$what" "$left"
done
echo "kills: $old old, $new new, $mixed mixed (of $n)"

# the next run removes what the killed runs left
"$bin" build "$corpus" --out "$out" -q
leftovers=$(find "$work/run" -mindepth 1 ! -path "$out" ! -path "$out/*" | wc -l)
hidden=$(find "$out" -mindepth 1 -name '.*' | wc -l)
diff -r -q "$out" "$work/ref-new" >/dev/null && echo "next run: equals the new build"
echo "after the next run: $leftovers leftover entries beside the folder, $hidden hidden files in it"

# a full file system: room for the old build, not for a second set
mkdir "$work/full"
size=$(( $(du -sm "$work/ref-old" | cut -f1) + 40 ))
if mount -t tmpfs -o size="${size}m" tmpfs "$work/full" 2>/dev/null; then
  cp -a "$work/ref-old" "$work/full/out"
  set +e
  "$bin" build "$corpus" --out "$work/full/out" -q 2> "$work/full.err"
  rc=$?
  set -e
  echo "full disk (${size} MB tmpfs): exit $rc: $(tail -n 1 "$work/full.err")"
  if diff -r -q "$work/full/out" "$work/ref-old" >/dev/null; then
    echo "full disk: the folder equals the old build"
  else
    echo "full disk: the folder DIFFERS from the old build"; mixed=$((mixed + 1))
  fi
  echo "full disk: $(find "$work/full" -mindepth 1 ! -path "$work/full/out" ! -path "$work/full/out/*" | wc -l) leftover entries beside the folder, $(find "$work/full/out" -name '.*' | wc -l) hidden files in it"
  umount "$work/full"
else
  echo "full disk: skipped (mounting a tmpfs was refused; run as root)"
fi
[ "$mixed" = 0 ] && [ "$leftovers" = 0 ] && [ "$hidden" = 0 ]
