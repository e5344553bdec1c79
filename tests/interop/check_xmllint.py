"""GraphML against the GraphML 1.0 XSD and GEXF against the GEXF 1.3 RELAX NG, with xmllint
(and jing when installed)."""
import os
import shutil
import subprocess
import time

from common import check, fail, outdir, path, skip

out = outdir()
schemas = os.environ.get("INTEROP_SCHEMAS", "../shared/schemas")
if not os.path.isdir(schemas):
    skip(f"{schemas} (the GraphML/GEXF schemas)")
if shutil.which("xmllint") is None:
    skip("xmllint")


def run(cmd):
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{' '.join(cmd)}:\n{r.stderr[-3000:]}")
    return f"{time.monotonic() - start:.1f}s"


xsd = run(["xmllint", "--noout", "--nonet", "--schema", f"{schemas}/graphml/graphml.xsd", path(out, "graph.graphml")])
rng = run(["xmllint", "--noout", "--nonet", "--relaxng", f"{schemas}/gexf-1.3/gexf.rng", path(out, "graph.gexf")])
# jing is a second, independent RELAX NG validator; INTEROP_JING=0 leaves it out.
if shutil.which("jing") and os.environ.get("INTEROP_JING", "1") != "0":
    jing = run(["jing", f"{schemas}/gexf-1.3/gexf.rng", path(out, "graph.gexf")])
    print(f"ok: GraphML XSD (xmllint {xsd}), GEXF RELAX NG (xmllint {rng}, jing {jing})")
else:
    print(f"ok: GraphML XSD (xmllint {xsd}), GEXF RELAX NG (xmllint {rng}); jing not run")
