"""Runs every interop check on an output folder and prints one line per client with its time.

    python tests/interop/run_all.py OUTDIR

Exit status 1 when a client rejects our files; a missing client is reported as skipped.
INTEROP_SKIP="rdflib pyld" leaves clients out (names: xmllint networkx igraph rdflib pyld
pyoxigraph jsonschema graphology). Other INTEROP_* variables are passed to the checks
(see check_rdflib.py).
"""
import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECKS = ["xmllint", "networkx", "igraph", "rdflib", "pyld", "pyoxigraph", "jsonschema", "graphology"]


def command(name, out):
    if name == "graphology":
        node = shutil.which("node")
        return [node, os.path.join(HERE, "check_graphology.js"), out] if node else None
    return [sys.executable, os.path.join(HERE, f"check_{name}.py"), out]


def children_cpu():
    """User + system CPU seconds of finished child processes (the load on a shared machine
    stretches wall time; CPU time shows what a check costs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) != 2:
        print("usage: run_all.py OUTDIR")
        return 2
    out = sys.argv[1]
    sys.stdout.reconfigure(line_buffering=True)  # one line per client as it finishes
    skipped = set(os.environ.get("INTEROP_SKIP", "").split())
    env = dict(os.environ)
    env.setdefault("NODE_PATH", os.path.join(ROOT, ".venv", "node", "node_modules"))
    env.setdefault("INTEROP_SCHEMAS", os.path.join(ROOT, "..", "shared", "schemas"))
    failed = []
    for name in CHECKS:
        if name in skipped:
            print(f"{name:11} skipped (INTEROP_SKIP)")
            continue
        cmd = command(name, out)
        if cmd is None:
            print(f"{name:11} skipped: node not installed")
            continue
        start = time.monotonic()
        cpu_before = children_cpu()
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE, env=env)
        took = f"{time.monotonic() - start:6.1f}s wall {children_cpu() - cpu_before:6.1f}s cpu"
        text = (r.stdout.strip() or r.stderr.strip()).splitlines()
        last = text[-1] if text else ""
        if r.returncode == 77:
            print(f"{name:11} {last}")
        elif r.returncode == 0:
            print(f"{name:11} {took} {last}")
        else:
            print(f"{name:11} {took} FAILED\n{r.stdout}{r.stderr[-3000:]}")
            failed.append(name)
    if failed:
        print(f"interop: {len(failed)} client(s) rejected {out}: {', '.join(failed)}")
        return 1
    print(f"interop: every installed client accepted {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
