package dev.pageframe.notebook.html;

/** The exported page's stylesheet: light, readable, print-friendly, with no fonts or images to fetch. */
final class Stylesheet {
    private Stylesheet() {}

    static final String CSS = """
            :root {
              color-scheme: light;
              --fg: #1f2328;
              --muted: #656d76;
              --border: #d0d7de;
              --code-bg: #f6f8fa;
              --accent: #0969da;
              --err-fg: #82071e;
              --err-bg: #ffebe9;
              --err-border: #ff8182;
              --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
            }
            * { box-sizing: border-box; }
            html { background: #fff; }
            body {
              margin: 0;
              color: var(--fg);
              background: #fff;
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
                "Liberation Sans", "DejaVu Sans", sans-serif;
              font-size: 16px;
              line-height: 1.55;
              -webkit-text-size-adjust: 100%;
            }
            main.notebook { max-width: 1100px; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
            a { color: var(--accent); }
            .cell { margin: 0 0 1.1rem; }
            .row { display: flex; align-items: flex-start; gap: .5rem; }
            .prompt {
              flex: 0 0 4.75rem;
              padding-top: .55rem;
              text-align: right;
              font-family: var(--mono);
              font-size: .75rem;
              color: var(--muted);
              white-space: nowrap;
              user-select: none;
            }
            .in-prompt { color: #0550ae; }
            .out-prompt { color: #bc4c00; }
            .body { flex: 1 1 auto; min-width: 0; }
            pre, code, kbd, samp { font-family: var(--mono); }
            pre { margin: 0; font-size: .85rem; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; }
            .source {
              background: var(--code-bg);
              border: 1px solid var(--border);
              border-radius: 6px;
              padding: .55rem .75rem;
            }
            .outputs { margin-top: .35rem; }
            .output { padding: .3rem .1rem; overflow-x: auto; }
            /* Printed text keeps its rows: a /proc table's row is never wrapped, the output scrolls sideways. */
            pre.output { white-space: pre; overflow-wrap: normal; }
            .error pre.traceback { white-space: pre-wrap; overflow-wrap: anywhere; }
            .output + .output { margin-top: .15rem; }
            .stream.stderr { background: #fff8e6; border-left: 3px solid #d4a72c; padding-left: .6rem; }
            .error {
              color: var(--err-fg);
              background: var(--err-bg);
              border: 1px solid var(--err-border);
              border-radius: 6px;
              padding: .5rem .75rem;
            }
            .error .ename { font-weight: 600; }
            .error .traceback { margin-top: .35rem; color: var(--fg); }
            .output img, .markdown img { max-width: 100%; height: auto; }
            .output svg { max-width: 100%; height: auto; }
            /* A Pageframe chart fills the column, as the app's chart fills its card. */
            .output.chart img, .output.chart svg { width: 100%; max-width: 100%; height: auto; }
            .unknown { color: var(--muted); font-style: italic; font-size: .85rem; }
            .raw pre { color: var(--muted); }
            .markdown > :first-child { margin-top: 0; }
            .markdown > :last-child { margin-bottom: 0; }
            .markdown h1, .markdown h2 { border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
            .markdown h1 { font-size: 1.9rem; margin: 1.4rem 0 .8rem; }
            .markdown h2 { font-size: 1.45rem; margin: 1.3rem 0 .7rem; }
            .markdown h3 { font-size: 1.2rem; margin: 1.2rem 0 .6rem; }
            .markdown code { background: var(--code-bg); border-radius: 4px; padding: .1em .3em; font-size: .88em; }
            .markdown pre {
              background: var(--code-bg);
              border: 1px solid var(--border);
              border-radius: 6px;
              padding: .55rem .75rem;
            }
            .markdown pre code { background: none; padding: 0; font-size: inherit; }
            .markdown blockquote { margin: 0 0 1rem; padding: 0 1rem; color: var(--muted); border-left: 4px solid var(--border); }
            .markdown li.task-list-item { list-style: none; }
            .markdown li.task-list-item > input, .markdown li.task-list-item > p > input { margin: 0 .4em 0 -1.4em; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
            th, td { border: 1px solid var(--border); padding: .3rem .6rem; vertical-align: top; }
            th { text-align: left; }
            th[align="right"], td[align="right"] { text-align: right; }
            th[align="center"], td[align="center"] { text-align: center; }
            .output.html td, .output.html th { font-variant-numeric: tabular-nums; }
            thead th, tr:first-child th { background: var(--code-bg); }
            tbody tr:nth-child(even) { background: #fafbfc; }
            hr { border: 0; border-top: 1px solid var(--border); margin: 1.5rem 0; }
            .external-image { font-style: italic; }
            .tok-kw { color: #cf222e; }
            .tok-ty { color: #953800; }
            .tok-kapi { color: #116329; font-weight: 600; }
            .tok-str, .tok-chr { color: #0a3069; }
            .tok-num { color: #0550ae; }
            .tok-com { color: #6e7781; font-style: italic; }
            .tok-ann { color: #8250df; }
            .tok-other { color: #82071e; }
            @media (max-width: 640px) {
              .row { display: block; }
              .prompt { text-align: left; padding: 0 0 .15rem; }
            }
            @media print {
              @page { margin: 1.6cm 1.4cm; }
              body { font-size: 11pt; }
              main.notebook { max-width: none; padding: 0; }
              .prompt { flex-basis: 3.75rem; }
              .cell, .output, pre, table, img, svg, blockquote { break-inside: avoid; page-break-inside: avoid; }
              .markdown h1, .markdown h2, .markdown h3 { break-after: avoid; page-break-after: avoid; }
              .source, .markdown pre { background: none; }
              .stream.stderr { background: none; }
              pre.output { white-space: pre-wrap; overflow-wrap: anywhere; }
              .error { background: none; }
              a { color: inherit; }
              * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            """;
}
