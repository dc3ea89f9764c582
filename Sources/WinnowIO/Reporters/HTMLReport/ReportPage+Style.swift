extension ReportPage {
    /// The page's only style sheet (its hash goes into the CSP's `style-src`).
    static let style = #"""
:root { --fg: #1d232b; --muted: #66707c; --line: #dde2e8; --bg: #f6f7f9; --panel: #fff; --accent: #2457c5;
  --keep: #23824a; --merge: #2457c5; --remove: #b3261e; --review: #a15c00;
  --c-boilerplate: #e3e8f0; --c-disclaimer: #fbefd5; --c-truncated: #ece3f7; --c-moderation: #fadcdc; --c-quality: #daf0ee; --c-custom: #e2f3dc;
  --b-boilerplate: #7d8da6; --b-disclaimer: #c08a13; --b-truncated: #8a63c2; --b-moderation: #c0392b; --b-quality: #26877d; --b-custom: #4f8f39; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
code, kbd, .tx, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; }
header#top { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 16px; padding: 0 16px; height: 48px; background: #1d2a3f; color: #fff; }
.brand { font-weight: 700; letter-spacing: .5px; }
#tabs { display: flex; gap: 2px; flex: 1; }
.tab { background: none; border: 0; color: #c9d3e3; padding: 0 14px; height: 48px; font: inherit; cursor: pointer; border-bottom: 3px solid transparent; }
.tab:hover { color: #fff; }
.tab.active { color: #fff; border-bottom-color: #7fb0ff; }
#runinfo { display: flex; gap: 10px; align-items: center; font-size: 12px; }
#runinfo .muted { color: #aab6c8; }
.helpbtn { width: 26px; height: 26px; border-radius: 13px; border: 1px solid #7f8ea6; background: none; color: #fff; cursor: pointer; }
main { padding: 16px; }
.view[hidden] { display: none; }
h2 { font-size: 17px; margin: 18px 0 8px; }
h3 { font-size: 14px; margin: 14px 0 6px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.empty { padding: 40px; text-align: center; color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 118px; display: flex; flex-direction: column; }
.card b { font-size: 24px; }
.card span { color: var(--muted); }
.card.d-keep b { color: var(--keep); } .card.d-merge b { color: var(--merge); } .card.d-remove b { color: var(--remove); } .card.d-review b { color: var(--review); }
.clickable { cursor: pointer; }
.clickable:hover { background: #eef3fc; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 14px; }
.chartbox { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px; }
.chartbox figcaption { font-weight: 600; margin-bottom: 6px; }
.chart .bar { fill: #5b86d6; } .chart g.clickable:hover .bar { fill: #2457c5; }
.chart .lbl { font-size: 11px; fill: #3b4450; } .chart .val { font-size: 11px; fill: #66707c; } .chart .axis { stroke: #b7c0cc; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 18px; }
table.grid { border-collapse: collapse; width: 100%; background: var(--panel); font-size: 13px; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.grid th { background: #eef1f5; font-weight: 600; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.inputs, .problems { margin: 0; padding-left: 20px; word-break: break-all; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; color: #fff; white-space: nowrap; }
.badge.d-keep { background: var(--keep); } .badge.d-merge { background: var(--merge); } .badge.d-remove { background: var(--remove); } .badge.d-review { background: var(--review); }
.cat { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; border-left: 3px solid; }
.chip { background: #eef1f5; border-radius: 4px; padding: 0 6px; }
.split { display: grid; grid-template-columns: minmax(260px, 360px) 1fr; gap: 12px; height: calc(100vh - 128px); }
#view-clusters .split { height: calc(100vh - 80px); }
.side { display: flex; flex-direction: column; min-height: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.listhead { padding: 6px 10px; border-bottom: 1px solid var(--line); color: var(--muted); }
.listpane { flex: 1; min-height: 0; }
.vlist { overflow-y: auto; position: relative; }
.vsizer { position: relative; }
.vrow { position: absolute; left: 0; right: 0; padding: 3px 10px; border-bottom: 1px solid #eef0f3; cursor: pointer; overflow: hidden; display: grid; grid-template-columns: auto auto 1fr; grid-template-rows: auto auto; column-gap: 6px; }
.vrow:hover { background: #f1f5fd; }
.vrow.selected { background: #dfe9fb; }
.vrow .ttl { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; grid-column: 3; }
.vrow .sub { grid-column: 1 / 4; font-size: 11px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.crow .size { font-weight: 700; min-width: 2.5em; }
.vmark { color: var(--accent); font-weight: 700; }
.detail { overflow: auto; min-height: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 16px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 10px; }
.filters select, .filters input, .vtools input { font: inherit; padding: 3px 6px; border: 1px solid #c3cad3; border-radius: 4px; background: #fff; max-width: 220px; }
.filters input[type=search] { width: 240px; }
button { font: inherit; }
.linkish { background: none; border: 0; color: var(--accent); cursor: pointer; padding: 0; text-decoration: underline; }
a { color: var(--accent); }
.dochead h2 { margin-bottom: 2px; word-break: break-word; }
.meta { color: var(--muted); font-size: 12px; word-break: break-all; }
.url.unsafe { text-decoration: line-through; }
.decision { margin: 10px 0; }
.reasons { margin: 4px 0; padding-left: 20px; }
.figures { color: var(--muted); }
.verdict, .rverdict { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 8px 0; }
.rverdict { margin: 0; }
.vlabel { font-weight: 600; }
.vbtn { border: 1px solid #b6bfcc; background: #fff; border-radius: 14px; padding: 1px 10px; cursor: pointer; font-size: 12px; }
.vbtn:disabled { opacity: .4; cursor: default; }
.vbtn.on.v-accept, .vtag.v-accept { background: var(--keep); color: #fff; border-color: var(--keep); }
.vbtn.on.v-not-duplicate, .vtag.v-not-duplicate { background: var(--merge); color: #fff; border-color: var(--merge); }
.vbtn.on.v-remove, .vtag.v-remove { background: var(--remove); color: #fff; border-color: var(--remove); }
.vbtn.on.v-false-positive, .vtag.v-false-positive { background: var(--review); color: #fff; border-color: var(--review); }
.vtag { padding: 0 8px; border-radius: 10px; font-size: 12px; }
.note { font: inherit; font-size: 12px; padding: 2px 6px; border: 1px solid #c3cad3; border-radius: 4px; min-width: 220px; }
.findings { margin: 8px 0; } .findings summary { cursor: pointer; font-weight: 600; }
.text { margin-top: 10px; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.line { display: flex; font-size: 13px; border-left: 4px solid transparent; }
.line .ln { flex: 0 0 3.5em; text-align: right; padding-right: 8px; color: #9aa3ae; user-select: none; }
.line .tx { white-space: pre-wrap; word-break: break-word; flex: 1; padding-right: 8px; min-height: 1.5em; }
.line.stripped .tx { color: #59616b; text-decoration: line-through; text-decoration-color: rgba(0,0,0,.25); }
.line.flagged { border-left-style: dashed; }
.flabel { font-size: 12px; padding: 2px 8px 2px 3.9em; border-left: 4px solid; }
.flabel code { font-weight: 700; }
.c-boilerplate { background: var(--c-boilerplate); border-left-color: var(--b-boilerplate) !important; }
.c-disclaimer { background: var(--c-disclaimer); border-left-color: var(--b-disclaimer) !important; }
.c-truncated { background: var(--c-truncated); border-left-color: var(--b-truncated) !important; }
.c-moderation { background: var(--c-moderation); border-left-color: var(--b-moderation) !important; }
.c-quality { background: var(--c-quality); border-left-color: var(--b-quality) !important; }
.c-custom { background: var(--c-custom); border-left-color: var(--b-custom) !important; }
.line.flagged:not(.stripped) { background: none; }
.why { background: #f4f7fb; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin-bottom: 10px; }
.why ul { display: inline; margin: 0; padding: 0; }
.why li { display: inline; }
.why li + li::before { content: " · "; color: var(--muted); }
.why .fact { color: var(--keep); }
table.members { font-size: 12px; }
.members td.num, .members td:first-child { white-space: nowrap; }
tr.selected td { background: #dfe9fb; } tr.canon td { font-weight: 600; }
.scrollx { overflow-x: auto; }
.pairhead { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 14px; }
.pairhead .ttl { color: var(--muted); }
table.diff { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 13px; }
table.diff td { vertical-align: top; padding: 1px 6px; border-bottom: 1px solid #f0f2f5; }
table.diff td.ln { width: 3.2em; text-align: right; color: #9aa3ae; user-select: none; }
table.diff td.tx { white-space: pre-wrap; word-break: break-word; }
table.diff tr.chg td.tx.l, table.diff tr.del td.tx.l { background: #fff1f0; }
table.diff tr.chg td.tx.r, table.diff tr.ins td.tx.r { background: #eefbf0; }
mark.del { background: #ffc9c4; color: inherit; text-decoration: line-through; text-decoration-color: rgba(179,38,30,.5); }
mark.ins { background: #b8ecc2; color: inherit; }
tr.fold td { text-align: center; background: #f6f7f9; }
.difflegend { font-size: 12px; margin: 4px 0; }
.vtools { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
.primary { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 4px 14px; cursor: pointer; }
.danger { background: #fff; color: var(--remove); border: 1px solid var(--remove); border-radius: 4px; padding: 3px 12px; cursor: pointer; }
label.button { border: 1px solid #b6bfcc; border-radius: 4px; padding: 3px 12px; cursor: pointer; background: #fff; }
.hiddenfile { display: none; }
pre.preview { background: #1d2a3f; color: #e6edf7; padding: 10px; border-radius: 6px; overflow-x: auto; font-size: 12px; }
#help { position: fixed; inset: 0; background: rgba(20,28,40,.45); z-index: 20; display: flex; align-items: center; justify-content: center; }
#help[hidden] { display: none; }
.helpbox { background: #fff; border-radius: 10px; padding: 8px 22px 16px; min-width: 360px; }
.helpbox td { padding: 3px 10px 3px 0; }
kbd { border: 1px solid #b6bfcc; border-bottom-width: 2px; border-radius: 4px; padding: 0 6px; background: #f6f7f9; }
#toast { position: fixed; bottom: 18px; left: 50%; transform: translateX(-50%); background: #1d2a3f; color: #fff; padding: 8px 16px; border-radius: 6px; z-index: 30; max-width: 80vw; word-break: break-word; }
#toast[hidden] { display: none; }
#selftest-result { white-space: pre-wrap; font-size: 11px; }
@media (max-width: 800px) { .split { grid-template-columns: 1fr; height: auto; } .listpane { height: 40vh; } }
"""#
}
