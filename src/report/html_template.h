// The HTML report's page: everything inline, so the file works alone, offline, from file://.
// The data follows kHtmlHead as JSON and kHtmlTail closes the page.
#pragma once

namespace kaohe {

inline constexpr const char* kHtmlHead = R"KAOHE(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>考核结果 — kaohe</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
.meta { color: #666; font-size: .85rem; }
.cards { display: flex; gap: .6rem; flex-wrap: wrap; margin: 1rem 0; }
.card { border-radius: 6px; padding: .5rem .9rem; min-width: 6rem; color: #fff; }
.card b { display: block; font-size: 1.4rem; }
.pass { background: #2e7d32; } .fail { background: #c62828; } .no_data { background: #9e9e9e; }
.conflict { background: #8e24aa; } .error { background: #4e0000; } .waived { background: #00838f; }
.filters { display: flex; gap: .8rem; flex-wrap: wrap; background: #f5f5f5; padding: .6rem; border-radius: 6px; }
.filters label { font-size: .85rem; } .filters select { margin-left: .3rem; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #ddd; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #fafafa; }
td.cell { text-align: center; color: #fff; min-width: 3rem; }
td.empty { background: #fff; color: #bbb; }
.badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 .35rem; white-space: nowrap; }
blockquote { margin: .2rem 0; padding: .1rem .5rem; border-left: 3px solid #bbb; color: #444; }
.source { color: #666; font-family: monospace; font-size: .8rem; }
.arith { font-family: monospace; font-size: .8rem; color: #333; }
.chart { margin: .8rem 0 1.6rem; } .chart h3 { font-size: .95rem; margin: .2rem 0; }
.legend span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .2rem 0 .8rem; vertical-align: middle; }
</style>
</head>
<body>
<h1>考核结果</h1>
<div class="meta" id="meta"></div>
<div class="cards" id="cards"></div>
<div class="filters" id="filters">
  <label>状态<select id="f-status"></select></label>
  <label>严重性<select id="f-severity"></select></label>
  <label>实体<select id="f-entity"></select></label>
  <label>实体类型<select id="f-kind"></select></label>
  <label>规则<select id="f-rule"></select></label>
  <label>年份<select id="f-year"></select></label>
</div>
<h2>实体 × 规则</h2>
<div id="grid"></div>
<h2>结论 <span class="meta" id="shown"></span></h2>
<table id="findings"><thead><tr><th>状态</th><th>实体</th><th>年份</th><th>规则</th><th>结论与计算</th><th>依据</th></tr></thead><tbody></tbody></table>
<h2>目标与实际</h2>
<div id="charts"></div>
<script type="application/json" id="kaohe-data">)KAOHE";

inline constexpr const char* kHtmlTail = R"KAOHE(</script>
<script>
"use strict";
const data = JSON.parse(document.getElementById("kaohe-data").textContent);
const WORDS = {pass: "达标", fail: "未达标", no_data: "缺数据", conflict: "数据冲突", error: "错误", waived: "已豁免"};
const ORDER = ["error", "conflict", "fail", "waived", "no_data", "pass"];
const SEVERITIES = {error: "error", warning: "warning", info: "info"};
const KINDS = {};
data.findings.forEach(f => { if (f.kind) KINDS[f.kind] = f.kindName; });

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
function options(select, values, label) {
  select.append(el("option", {value: ""}, "全部"));
  for (const v of values) select.append(el("option", {value: String(v)}, label ? label(v) : String(v)));
  select.addEventListener("change", render);
}
function unique(list) { return Array.from(new Set(list)).filter(v => v !== "" && v !== 0); }

document.getElementById("meta").textContent =
  `生成于 ${data.generatedAt}；${data.summary.total} 条结论，${data.rules.length} 条规则`;
const cards = document.getElementById("cards");
for (const s of ORDER) {
  cards.append(el("div", {class: "card " + s, "data-status": s}, el("b", {}, data.summary[s] || 0), WORDS[s]));
}
options(document.getElementById("f-status"), ORDER, s => WORDS[s]);
options(document.getElementById("f-severity"), Object.keys(SEVERITIES));
options(document.getElementById("f-entity"), unique(data.findings.map(f => f.entity)));
options(document.getElementById("f-kind"), Object.keys(KINDS), k => KINDS[k]);
options(document.getElementById("f-rule"), data.rules.map(r => r.id));
options(document.getElementById("f-year"), unique(data.findings.map(f => f.period)).sort());

function filters() {
  const value = id => document.getElementById(id).value;
  return {status: value("f-status"), severity: value("f-severity"), entity: value("f-entity"),
          kind: value("f-kind"), rule: value("f-rule"), year: value("f-year")};
}
function keep(f, q) {
  return (!q.status || f.status === q.status) && (!q.severity || f.severity === q.severity) &&
         (!q.entity || f.entity === q.entity) && (!q.kind || f.kind === q.kind) &&
         (!q.rule || f.rule === q.rule) && (!q.year || String(f.period) === q.year);
}
function worst(list) {
  for (const s of ORDER) if (list.some(f => f.status === s)) return s;
  return "";
}

function renderGrid(shown) {
  const rules = data.rules.filter(r => shown.some(f => f.rule === r.id));
  const entities = unique(shown.map(f => f.entity));
  const table = el("table", {id: "grid-table"});
  const head = el("tr", {}, el("th", {}, "实体"));
  for (const r of rules) head.append(el("th", {title: r.title}, r.id));
  table.append(head);
  for (const e of entities) {
    const row = el("tr", {}, el("th", {}, e));
    for (const r of rules) {
      const here = shown.filter(f => f.entity === e && f.rule === r.id);
      const s = worst(here);
      row.append(s ? el("td", {class: "cell " + s, title: WORDS[s]}, here.length)
                   : el("td", {class: "cell empty"}, "·"));
    }
    table.append(row);
  }
  const grid = document.getElementById("grid");
  grid.replaceChildren(table);
}

function renderFindings(shown) {
  const body = document.querySelector("#findings tbody");
  body.replaceChildren();
  for (const f of data.findings) {
    const visible = shown.includes(f);
    const conclusion = el("td", {}, f.message);
    if (f.arithmetic) conclusion.append(el("div", {class: "arith"}, "计算：" + f.arithmetic));
    if (f.waiver) conclusion.append(el("div", {}, "豁免：" + f.waiver));
    if (f.baseline) conclusion.append(el("div", {}, "基线：" + f.baseline));
    const sources = el("td", {});
    for (const e of f.evidence) {
      sources.append(el("div", {}, (e.kind === "actual" ? "实际 " : "目标 ") +
                        (e.entity !== f.entity ? e.entity + " " : "") + e.text));
      sources.append(el("div", {class: "source"}, `${e.file}:${e.line}`));
      sources.append(el("blockquote", {}, e.quote));
    }
    for (const m of f.missing) sources.append(el("div", {}, "缺少：" + m));
    const row = el("tr", {class: "finding", "data-status": f.status, "data-entity": f.entity},
      el("td", {}, el("span", {class: "badge " + f.status}, WORDS[f.status]), " ", f.severity),
      el("td", {}, f.entity || "（规则）"), el("td", {}, f.period || ""), el("td", {}, f.rule),
      conclusion, sources);
    if (!visible) row.style.display = "none";
    body.append(row);
  }
  document.getElementById("shown").textContent = `显示 ${shown.length} / ${data.findings.length}`;
}

// Target against actual, per indicator and measure, for every entity and year shown.
function renderCharts(shown) {
  const charts = document.getElementById("charts");
  charts.replaceChildren();
  const groups = new Map();
  for (const f of shown) {
    if (!f.target && !f.actual) continue;
    const key = f.indicator + "|" + f.measure;
    if (!groups.has(key)) groups.set(key, []);
    const list = groups.get(key);
    const label = `${f.entity} ${f.period}`;
    if (!list.some(p => p.label === label)) list.push({label, target: f.target, actual: f.actual, name: f.indicatorName, measure: f.measure});
  }
  const NS = "http://www.w3.org/2000/svg";
  for (const [key, points] of groups) {
    const values = points.flatMap(p => [p.target, p.actual]).filter(Boolean).map(v => v.value);
    const max = Math.max(...values.map(Math.abs), 1e-9);
    const rowHeight = 26, width = 760, left = 230, barWidth = width - left - 90;
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", width); svg.setAttribute("height", points.length * rowHeight + 10);
    svg.setAttribute("data-chart", key);
    points.forEach((p, i) => {
      const y = i * rowHeight + 4;
      const text = document.createElementNS(NS, "text");
      text.setAttribute("x", 0); text.setAttribute("y", y + 15); text.setAttribute("font-size", "12");
      text.textContent = p.label; svg.append(text);
      [[p.target, "#90a4ae", 0], [p.actual, "#1565c0", 10]].forEach(([v, color, dy]) => {
        if (!v) return;
        const bar = document.createElementNS(NS, "rect");
        const w = Math.max(1, Math.abs(v.value) / max * barWidth);
        bar.setAttribute("x", left); bar.setAttribute("y", y + dy); bar.setAttribute("height", 9);
        bar.setAttribute("width", w); bar.setAttribute("fill", color);
        const title = document.createElementNS(NS, "title"); title.textContent = v.text; bar.append(title);
        svg.append(bar);
        const label = document.createElementNS(NS, "text");
        label.setAttribute("x", left + w + 4); label.setAttribute("y", y + dy + 9); label.setAttribute("font-size", "10");
        label.textContent = v.text; svg.append(label);
      });
    });
    const name = points[0].name + (points[0].measure === "growth" ? " 增速" : "");
    charts.append(el("div", {class: "chart"}, el("h3", {}, name, el("span", {class: "legend"},
      el("span", {style: "background:#90a4ae"}), "目标", el("span", {style: "background:#1565c0"}), "实际")), svg));
  }
}

function render() {
  const q = filters();
  const shown = data.findings.filter(f => keep(f, q));
  renderGrid(shown);
  renderFindings(shown);
  renderCharts(shown);
}
render();
</script>
</body>
</html>
)KAOHE";

}  // namespace kaohe
