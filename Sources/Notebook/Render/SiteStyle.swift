/// The site's stylesheet (`assets/litgrad.css`): a readable measure on any
/// screen, light and dark schemes, print, and fonts that cover Chinese,
/// Japanese and Korean text.
enum SiteStyle {
    static let css = #"""
/* litgrad: lesson pages */
:root {
  --bg: #fdfdfb;
  --fg: #1d2125;
  --muted: #5b636b;
  --border: #dfe2e5;
  --accent: #0a5cb8;
  --code-bg: #f4f5f2;
  --output-bg: #fbfaf4;
  --output-edge: #c9c2a2;
  --error: #b3261e;
  --error-bg: #fdf1f0;
  --figure-bg: #ffffff;
  --hl-keyword: #8a2fa8;
  --hl-constant: #0f6e8a;
  --hl-builtin: #1c6b2f;
  --hl-name: #1a4fb5;
  --hl-string: #a5421b;
  --hl-number: #0f6e8a;
  --hl-comment: #6b737a;
  --hl-decorator: #8a5a00;
  --font-text: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK JP", "Hiragino Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo", sans-serif;
  --font-code: ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas,
    "Liberation Mono", "Noto Sans Mono CJK SC", monospace;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b;
    --fg: #e4e6e8;
    --muted: #9aa3ab;
    --border: #30353a;
    --accent: #72b4ff;
    --code-bg: #1f2327;
    --output-bg: #1c1e1a;
    --output-edge: #6d6746;
    --error: #ff8a80;
    --error-bg: #2a1d1c;
    --figure-bg: #f7f7f5;
    --hl-keyword: #d69cf0;
    --hl-constant: #72d0e8;
    --hl-builtin: #8fd19e;
    --hl-name: #8fb8ff;
    --hl-string: #f0a875;
    --hl-number: #72d0e8;
    --hl-comment: #8b949c;
    --hl-decorator: #e6c36a;
  }
}
:lang(zh) { --font-text: system-ui, -apple-system, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC",
  "Hiragino Sans GB", "Microsoft YaHei", "Source Han Sans SC", "Segoe UI", Roboto, "Noto Sans", sans-serif; }
:lang(zh-TW), :lang(zh-HK), :lang(zh-Hant) { --font-text: system-ui, "Noto Sans CJK TC", "PingFang TC",
  "Microsoft JhengHei", "Segoe UI", Roboto, "Noto Sans", sans-serif; }
:lang(ja) { --font-text: system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo",
  "Segoe UI", Roboto, "Noto Sans", sans-serif; }
:lang(ko) { --font-text: system-ui, "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic",
  "Segoe UI", Roboto, "Noto Sans", sans-serif; }

*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font-family: var(--font-text);
  font-size: 1.0625rem;
  line-height: 1.65;
  overflow-wrap: break-word;
}
:lang(zh), :lang(ja), :lang(ko) { line-height: 1.8; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }

.site-header {
  border-bottom: 1px solid var(--border);
  padding: 0.6rem 1.25rem;
  font-size: 0.9375rem;
}
.site-header a { text-decoration: none; font-weight: 600; }
.site-header a::before { content: "\2190\00a0"; }

.layout {
  max-width: 46rem;
  margin: 0 auto;
  padding: 1.5rem 1.25rem 4rem;
}
main { min-width: 0; }
.toc-side { display: none; }
@media (min-width: 72rem) {
  .toc-side { display: block; }
  .toc-inline { display: none; }
  .layout:not(.layout-index) {
    max-width: 70rem;
    display: grid;
    grid-template-columns: 14rem minmax(0, 46rem);
    column-gap: 3.5rem;
    justify-content: center;
  }
  .toc-side {
    position: sticky;
    top: 1.5rem;
    align-self: start;
    max-height: calc(100vh - 3rem);
    overflow-y: auto;
    border: 0;
    padding: 0;
    margin: 0.4rem 0 0;
  }
}

h1, h2, h3, h4 { line-height: 1.25; margin: 2.2em 0 0.6em; font-weight: 650; }
h1 { font-size: 2.05rem; margin-top: 0.6rem; letter-spacing: -0.01em; }
h2 { font-size: 1.5rem; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.2rem; }
h4 { font-size: 1.05rem; }
p, ul, ol, blockquote, table { margin: 0 0 1.05em; }
li + li { margin-top: 0.25em; }
blockquote { margin-left: 0; padding: 0.1em 1em; border-left: 3px solid var(--border); color: var(--muted); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2.5em 0; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--border); padding: 0.35em 0.7em; }
.anchor {
  margin-left: 0.35em;
  color: var(--muted);
  text-decoration: none;
  font-weight: 400;
  opacity: 0;
}
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }

code, pre, kbd { font-family: var(--font-code); font-size: 0.875em; }
:not(pre) > code {
  background: var(--code-bg);
  border: 1px solid var(--border);
  border-radius: 4px;
  padding: 0.05em 0.3em;
}
pre {
  margin: 0 0 1.05em;
  padding: 0.8rem 1rem;
  background: var(--code-bg);
  border: 1px solid var(--border);
  border-radius: 6px;
  overflow-x: auto;
  line-height: 1.5;
  tab-size: 4;
}
pre code { font-size: inherit; background: none; border: 0; padding: 0; }

.toc {
  font-size: 0.9rem;
  line-height: 1.45;
  border: 1px solid var(--border);
  border-radius: 6px;
  padding: 0.75rem 1rem 0.5rem;
  margin: 0 0 1.5rem;
}
.toc-inline { margin-top: -0.2rem; }
.toc-title { margin: 0 0 0.4rem; font-weight: 650; color: var(--muted); text-transform: uppercase;
  letter-spacing: 0.06em; font-size: 0.75rem; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { padding-left: 0.9rem; margin: 0.2rem 0; }
.toc li { margin: 0.2rem 0; }
.toc a { text-decoration: none; color: var(--fg); }
.toc a:hover { color: var(--accent); }

.math.display { display: block; overflow-x: auto; overflow-y: hidden; margin: 1em 0; }
.math.display .katex-display { margin: 0; }
.katex { font-size: 1.08em; }

.cell { margin: 1.4em 0; }
.cell > pre { margin: 0; }
.cell > * + * { margin-top: 0.5rem; }
.cell-code { border-left: 3px solid var(--accent); }
.cell-output {
  background: var(--output-bg);
  border-color: var(--border);
  border-left: 3px solid var(--output-edge);
}
.cell-error { color: var(--error); background: var(--error-bg); border-left-color: var(--error); }
.cell-marker {
  display: inline-block;
  margin: 0 0 0.35rem;
  padding: 0.05em 0.55em;
  font-size: 0.75rem;
  font-weight: 650;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--muted);
  border: 1px solid var(--border);
  border-radius: 999px;
}
.cell-norun .cell-code { border-left-style: dashed; border-left-color: var(--muted); }
.cell-figure {
  margin: 0.5rem 0 0;
  padding: 0.75rem;
  background: var(--figure-bg);
  border: 1px solid var(--border);
  border-radius: 6px;
  overflow-x: auto;
  text-align: center;
}
.cell-figure svg { max-width: 100%; height: auto; }

.k { color: var(--hl-keyword); font-weight: 600; }
.kc, .bp { color: var(--hl-constant); }
.nb { color: var(--hl-builtin); }
.nf, .nc { color: var(--hl-name); font-weight: 600; }
.s, .si { color: var(--hl-string); }
.si { font-weight: 600; }
.m { color: var(--hl-number); }
.c { color: var(--hl-comment); font-style: italic; }
.nd { color: var(--hl-decorator); }

.pager {
  display: flex;
  flex-wrap: wrap;
  gap: 1rem;
  justify-content: space-between;
  margin: 3rem 0 1rem;
  padding-top: 1.5rem;
  border-top: 1px solid var(--border);
}
.pager a {
  flex: 1 1 14rem;
  display: block;
  padding: 0.7rem 1rem;
  border: 1px solid var(--border);
  border-radius: 6px;
  text-decoration: none;
}
.pager a:hover { border-color: var(--accent); }
.pager-next { text-align: right; }
.pager-label { display: block; font-size: 0.8rem; color: var(--muted); }
.pager-previous .pager-label::before { content: "\2190\00a0"; }
.pager-next .pager-label::after { content: "\00a0\2192"; }
.page-footer { margin-top: 2rem; font-size: 0.875rem; color: var(--muted); }

.lesson-group h2 { font-size: 1.1rem; border: 0; margin-top: 2rem; color: var(--muted); }
.lesson-list { list-style: none; padding: 0; counter-reset: lesson; }
.lesson-list li { padding: 0.8rem 0; border-bottom: 1px solid var(--border); margin: 0; }
.lesson-list a { font-size: 1.15rem; font-weight: 600; text-decoration: none; }
.lesson-list p { margin: 0.25rem 0 0; color: var(--muted); }

@media (max-width: 40rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.7rem; }
  h2 { font-size: 1.3rem; }
  .layout { padding: 1rem 1rem 3rem; }
  pre { padding: 0.65rem 0.75rem; border-radius: 4px; }
}

@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --code-bg: #f6f6f6; --output-bg: #fff; --figure-bg: #fff; }
  body { font-size: 11pt; line-height: 1.5; }
  .site-header, .toc, .pager, .anchor, .page-footer { display: none; }
  .layout { display: block; max-width: none; padding: 0; }
  a { color: inherit; }
  pre { white-space: pre-wrap; overflow: visible; border-color: #bbb; }
  .cell, .cell-figure, .math.display { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
}
"""#
}
