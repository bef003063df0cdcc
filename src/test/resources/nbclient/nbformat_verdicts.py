"""What Jupyter's nbformat says of notebook files, for NbformatCorpusTest. argv: FILE...
Prints one JSON object: {FILE: {"valid": bool, "opens": bool, "saved_valid": bool|null, "error": str}}.
valid: nbformat.validate without repairing ids (what nbformat calls a future hard error is an error here);
opens: nbformat.read(as_version=4) succeeds, as in JupyterLab; saved_valid: the file Jupyter writes back
(nbformat.write of what it read) is valid, or null when it does not open."""
import json
import logging
import sys
import warnings

import nbformat

logging.disable(logging.CRITICAL)  # nbformat.read logs invalid notebooks instead of raising
warnings.simplefilter("ignore")


def strictly_valid(nb):
    try:
        nbformat.validate(nb, repair_duplicate_cell_ids=False)
        return True, ""
    except Exception as e:  # ValidationError, or "No schema for validating v2 notebooks"
        return False, str(e).splitlines()[0]


out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    valid, error = strictly_valid(raw)
    try:
        nb = nbformat.read(path, as_version=4)
        opens = True
    except Exception as e:
        opens, nb, error = False, None, error or str(e).splitlines()[0]
    saved_valid = None
    if opens:
        saved_valid, _ = strictly_valid(json.loads(nbformat.writes(nb)))
    out[path] = {"valid": valid, "opens": opens, "saved_valid": saved_valid, "error": error}
print(json.dumps(out))
