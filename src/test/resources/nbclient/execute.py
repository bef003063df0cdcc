"""Runs a notebook with nbclient, as `jupyter nbconvert --execute` does, and prints per code cell
[execution_count, has_error, still_has_old_output] as JSON (an old output is a stdout stream "old\n").
Used by RunDifferentialTest; argv: NOTEBOOK stop|allow."""
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

nb = nbformat.read(sys.argv[1], as_version=4)
try:
    NotebookClient(nb, kernel_name="python3", allow_errors=sys.argv[2] == "allow", timeout=120).execute()
except CellExecutionError:
    pass  # nbclient stops here; the cells after it keep what they had
print(json.dumps([[c.get("execution_count"),
                   any(o.get("output_type") == "error" for o in c.get("outputs", [])),
                   any(o.get("text") == "old\n" for o in c.get("outputs", []))]
                  for c in nb.cells if c.cell_type == "code"]))
