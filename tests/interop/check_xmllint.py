"""GraphML against the GraphML 1.0 XSD and GEXF against the GEXF 1.3 RELAX NG, with xmllint
(and jing when installed)."""
import os
import shutil
import subprocess

from common import check, fail, outdir, path, skip

out = outdir()
schemas = os.environ.get("INTEROP_SCHEMAS", "../shared/schemas")
if not os.path.isdir(schemas):
    skip(f"{schemas} (the GraphML/GEXF schemas)")
if shutil.which("xmllint") is None:
    skip("xmllint")


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{' '.join(cmd)}:\n{r.stderr[-3000:]}")


run(["xmllint", "--noout", "--nonet", "--schema", f"{schemas}/graphml/graphml.xsd", path(out, "graph.graphml")])
run(["xmllint", "--noout", "--nonet", "--relaxng", f"{schemas}/gexf-1.3/gexf.rng", path(out, "graph.gexf")])
if shutil.which("jing"):
    run(["jing", f"{schemas}/gexf-1.3/gexf.rng", path(out, "graph.gexf")])
    print("ok: xmllint XSD (GraphML), xmllint + jing RELAX NG (GEXF)")
else:
    print("ok: xmllint XSD (GraphML), xmllint RELAX NG (GEXF); jing not installed")
