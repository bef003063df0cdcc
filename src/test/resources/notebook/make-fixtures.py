#!/usr/bin/python3
"""Regenerates the notebook fixtures with Jupyter's own writer (Debian's python3-nbformat).

Run from anywhere:  /usr/bin/python3 src/test/resources/notebook/make-fixtures.py
Every *.ipynb here except the hand-written legacy inputs (v3-legacy.ipynb, v4.4-legacy.ipynb) is the
exact output of nbformat.write, so the Java writer must reproduce each byte.
"""
import base64
import itertools
import json
import os
import random
import struct
import zlib

import nbformat
import nbformat.v4.convert
from nbformat.v4 import (new_code_cell, new_markdown_cell, new_notebook, new_output,
                         new_raw_cell)

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def write(nb, name):
    nbformat.write(nb, path(name))


def tiny_png():
    """A 2x2 red PNG, built by hand so no image library is needed."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return base64.b64encode(png).decode("ascii")


PNG = tiny_png()
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">\n'
       '  <rect width="40" height="20" fill="#c33"/>\n'
       '  <text x="2" y="14">4 KiB</text>\n'
       '</svg>\n')


def rich():
    nb = new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Java (Pageframe)", "language": "java", "name": "pageframe-java"},
        "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                          "codemirror_mode": {"name": "clike", "mime": "text/x-java"}},
        "pageframe": {"machine": {"profile": "i386-linux-2.0", "memory": "16M"}, "lesson": 3},
        "title": "Buddy allocator — first steps",
        "authors": [{"name": "Zoë Ångström"}],
        "x-unknown-tool": {"nested": {"deep": [1, 2.5, None, True, "</script>"]}, "empty": {}, "list": []},
    }
    cells = []
    md = new_markdown_cell(
        "# Free lists\n\n"
        "Each `free_area[order]` holds blocks of 2^order pages — see ![frames](attachment:frames.png).\n"
        "Non-ASCII: é, ß, 日本語, emoji 😀, and a line separator\u2028inside.\n"
        "Form feed\x0cand file separator\x1cand NEL\x85end.\n"
        "Windows line\r\nold Mac line\rlast line without newline",
        id="intro-markdown")
    md.attachments = {"frames.png": {"image/png": PNG, "text/plain": "two frames\nside by side\n"}}
    md.metadata = {"tags": ["lesson", "intro"], "jupyter": {"source_hidden": False}}
    cells.append(md)

    cells.append(new_raw_cell("raw \\ text with \"quotes\" and a tab\there\n", id="raw-1",
                              metadata={"format": "text/restructuredtext"}))

    code = new_code_cell(
        "var zone = machine.zone(\"Normal\");\n"
        "System.out.println(zone.freeArea(3).nrFree());\n"
        "zone\n",
        id="code-alloc", execution_count=7)
    code.metadata = {
        "collapsed": False, "scrolled": "auto", "tags": ["alloc"],
        "execution": {"iopub.execute_input": "2024-05-01T10:00:00.000001Z",
                      "shell.execute_reply": "2024-05-01T10:00:00.250000Z"},
        "jupyter": {"outputs_hidden": False},
        "x-unknown": {"a": [1, {"b": None}]},
    }
    code.outputs = [
        new_output("stream", name="stdout", text="12\nallocating…\n10%\r20%\r100%\n"),
        new_output("stream", name="stderr", text="warning: low memory\n"),
        new_output("execute_result", execution_count=7, data={
            "text/plain": "Zone[Normal, free=4096 pages]\n  order 0: 12",
            "text/html": "<table>\n<tr><td>order</td><td>free</td></tr>\n</table>",
            "application/json": {"zone": "Normal", "free": [12, 0, 3], "ratio": 0.75, "ok": True, "none": None},
            "application/vnd.pageframe.zone+json": {"orders": list(range(11))},
        }, metadata={"application/json": {"expanded": False}}),
        new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure 2x2>"},
                   metadata={"image/png": {"width": 2, "height": 2}}),
        new_output("display_data", data={"image/svg+xml": SVG, "text/plain": "<svg>"}),
    ]
    cells.append(code)

    err = new_code_cell("machine.alloc(-1)", id="code-error", execution_count=8)
    err.outputs = [new_output("error", ename="IllegalArgumentException", evalue="order -1 < 0",
                              traceback=["\x1b[31mIllegalArgumentException\x1b[0m: order -1 < 0",
                                         "  at BuddyAllocator.alloc(BuddyAllocator.java:42)\n  at <jshell>"])]
    cells.append(err)

    cells.append(new_code_cell("", id="empty-code"))
    cells.append(new_markdown_cell("", id="empty-md"))
    cells.append(new_code_cell("controls: \x00 \x01 \x1f \x7f / \\ \" \b", id="controls",
                               execution_count=None))
    nb.cells = cells
    write(nb, "rich.ipynb")


def unknown_fields():
    nb = new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Java (Pageframe)", "name": "pageframe-java"}}
    code = new_code_cell("frameMap()", id="unknown-out", execution_count=1)
    code.outputs = [
        nbformat.from_dict({"output_type": "x-pageframe-frame-map", "frames": [[0, "free"], [1, "slab"]],
                            "text": "kept as one string\nnot split\n", "meta": {"z": 1, "a": 2}}),
        new_output("stream", name="stdout", text="after\n"),
    ]
    code["x-cell-extra"] = {"kept": True}
    code.outputs[1]["x-output-extra"] = "kept too"
    nb.cells = [code]
    nb["x-top-level-extra"] = ["kept", 1]
    write(nb, "unknown-fields.ipynb")


def floats():
    rnd = random.Random(20240501)
    values = [1.0, 0.1, 0.1 + 0.2, 1e16, 1e15, 1234567890123456.0, 12345678901234567.0, 1e-4, 1e-5,
              0.00012345, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 0.0, 100.0,
              1e22, 1e23, 9007199254740993.0, 2.5e-07, 123.456, -42.5]
    for _ in range(300):
        mantissa = rnd.uniform(-1, 1)
        values.append(mantissa * 10.0 ** rnd.randint(-320, 300))
    for _ in range(100):
        values.append(struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(63)))[0])
    nb = new_notebook()
    nb.metadata = {
        "floats": [v for v in values if v == v and v not in (float("inf"), float("-inf"))],
        "specials": [float("nan"), float("inf"), float("-inf")],
        "ints": [0, -1, 2**31, -2**63, 2**64, 10**30],
    }
    nb.cells = [new_code_cell("1.0 / 3", id="floats")]
    write(nb, "floats.ipynb")


def empty():
    write(new_notebook(), "empty.ipynb")


def counter_ids():
    counter = itertools.count(1)
    return lambda: "cell-%d" % next(counter)


def legacy_v44():
    nb = {
        "nbformat": 4, "nbformat_minor": 4,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"},
                     "language_info": {"name": "python"}},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Old notebook\n", "No ids here."]},
            {"cell_type": "code", "metadata": {"trusted": True}, "execution_count": 3,
             "source": "print('hi')",
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]},
                         {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                          "data": {"text/plain": ["line one\n", "line two"]}}]},
            {"cell_type": "raw", "metadata": {}, "source": []},
        ],
    }
    with open(path("v4.4-legacy.ipynb"), "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=2, ensure_ascii=False)
    nbformat.v4.convert.random_cell_id = counter_ids()
    # read(as_version=4) keeps minor 4; Pageframe upgrades to 4.5 on open, as Jupyter's convert.upgrade does.
    upgraded = nbformat.read(path("v4.4-legacy.ipynb"), as_version=nbformat.NO_CONVERT)
    upgraded = nbformat.v4.convert.upgrade(upgraded, from_version=4, from_minor=4)
    write(upgraded, "v4.4-legacy.upgraded.ipynb")


def legacy_v3():
    nb = {
        "nbformat": 3, "nbformat_minor": 0,
        "metadata": {"name": "old-notebook", "signature": "sha256:deadbeef"},
        "worksheets": [{
            "metadata": {},
            "cells": [
                {"cell_type": "heading", "level": 2, "metadata": {}, "source": "Pages\nand frames"},
                {"cell_type": "markdown", "metadata": {}, "source": ["Some *markdown*\n", "text"]},
                {"cell_type": "code", "collapsed": True, "language": "python", "metadata": {},
                 "input": ["x = 1", "x"], "prompt_number": 4,
                 "outputs": [
                     {"output_type": "stream", "stream": "stdout", "text": ["one\n", "two\n"]},
                     {"output_type": "pyout", "prompt_number": 4, "metadata": {},
                      "text": ["1"], "html": "<b>1</b>", "json": "{\"a\": [1, 2]}"},
                     {"output_type": "display_data", "metadata": {}, "png": PNG, "svg": SVG,
                      "text": "<Figure>"},
                     {"output_type": "pyerr", "ename": "ValueError", "evalue": "bad",
                      "traceback": ["Traceback", "ValueError: bad"]},
                 ]},
                {"cell_type": "code", "language": "python", "metadata": {}, "input": "",
                 "outputs": []},
                {"cell_type": "raw", "metadata": {}, "source": "raw text"},
            ],
        }],
    }
    with open(path("v3-legacy.ipynb"), "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
    nbformat.v4.convert.random_cell_id = counter_ids()
    upgraded = nbformat.read(path("v3-legacy.ipynb"), as_version=4)
    write(upgraded, "v3-legacy.upgraded.ipynb")


if __name__ == "__main__":
    rich()
    unknown_fields()
    floats()
    empty()
    legacy_v44()
    legacy_v3()
    print("fixtures written to", HERE)
