#!/usr/bin/env python3
"""Writes rules/dictionary/zones.yaml: the national development zones, from the lists here.

Inputs (this directory): etdz.tsv (economic and technological development zones with their
province), hightech.txt (high-tech zones), overrides.tsv (parents a name does not spell out),
extra_aliases.tsv. It reads rules/dictionary/national.yaml and entities.yaml for the places
(parents) and for the names and aliases already taken. Rules, as README.md states them:

- A zone's parent is the unit its name starts with: the county-level unit when the name says
  it (杭州余杭… -> 余杭区), else the prefecture-level city (金华… -> 金华市), else the province.
- A zone already in the dictionary under its name, or under the same name with 市 after the
  city or the province in front (秦皇岛市经济技术开发区), is not added again: its other names
  become aliases of the existing entry.
- Short forms (…经开区, …经济开发区, …开发区; …高新区) are aliases when one zone has them and
  nothing else in the dictionary does; shared aliases when several new zones have them.

Usage: python3 tools/zones/generate.py [OUT]   (default OUT: rules/dictionary/zones.yaml)
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DICT = os.path.join(ROOT, "rules", "dictionary")
OUT = os.path.join(DICT, "zones.yaml")

ETDZ_SUFFIXES = ["经济技术开发区", "新兴技术开发区", "经济开发区", "台商投资区", "开发区", "工业园区",
                 "产业园区"]
HIGHTECH_SUFFIXES = ["农业高新技术产业示范区", "高新技术产业开发区", "高新技术产业园区", "火炬高技术产业开发区",
                     "新技术开发区", "科技园区"]
PLACE_SUFFIXES = ["自治县", "自治旗", "林区", "特区", "市", "区", "县", "旗"]


def read_entities(path):
    """The entities of a dictionary file: name, kind, parent, words (name and aliases)."""
    import yaml  # only for the hand-written file; national.yaml is flow lines
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    out = []
    for e in doc.get("entities", []) or []:
        out.append({"name": e["name"], "kind": e.get("kind"), "parent": e.get("parent", ""),
                    "aliases": list(e.get("aliases", []) or []),
                    "shared": list(e.get("shared_aliases", []) or [])})
    return out


def short_place(name):
    for s in PLACE_SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


def stem_of(name, suffixes):
    for s in suffixes:
        if name.endswith(s):
            return name[: -len(s)], s
    return name, ""


def main():
    entities = read_entities(os.path.join(DICT, "national.yaml")) + \
        read_entities(os.path.join(DICT, "entities.yaml"))
    by_name = {}
    for e in entities:
        by_name.setdefault(e["name"], e)
    taken = set()
    for e in entities:
        taken.add(e["name"])
        taken.update(e["aliases"])
        taken.update(e["shared"])
    provinces = [e for e in by_name.values() if e["kind"] == "province"]
    province_of_short = {}
    for p in provinces:
        for w in [short_place(p["name"])] + p["aliases"] + p["shared"]:
            province_of_short[w] = p["name"]
    # 广西壮族自治区 -> 广西 etc. come from the aliases; the short form of the name covers the rest.

    def province_of(e):
        while e and e["kind"] != "province":
            e = by_name.get(e["parent"])
        return e["name"] if e else ""

    cities = [e for e in by_name.values() if e["kind"] == "city"]
    counties = [e for e in by_name.values()
                if e["kind"] in ("district", "county", "county_level_city")]

    def city_forms(c):
        forms = {c["name"], short_place(c["name"])} | set(c["aliases"]) | set(c["shared"])
        return [f for f in forms if len(f) >= 2]

    def county_forms(c):
        forms = {c["name"], short_place(c["name"])} | set(c["aliases"])
        return [f for f in forms if len(f) >= 2]

    def longest_prefix(stem, units, forms_of):
        best, best_len = [], 0
        for u in units:
            for f in forms_of(u):
                if stem.startswith(f):
                    if len(f) > best_len:
                        best, best_len = [u], len(f)
                    elif len(f) == best_len and u not in best:
                        best.append(u)
        return best, best_len

    def resolve_parent(stem, province):
        in_province = (lambda e: province_of(e) == province) if province else (lambda e: True)
        cs, n = longest_prefix(stem, [c for c in cities if in_province(c)], city_forms)
        if len(cs) == 1:
            city, rest = cs[0], stem[n:]
            ks, _ = longest_prefix(rest, [k for k in counties if k["parent"] == city["name"]],
                                   county_forms)
            return (ks[0] if len(ks) == 1 else city)["name"]
        rest = stem
        for short, pname in sorted(province_of_short.items(), key=lambda kv: -len(kv[0])):
            if stem.startswith(short) and (not province or pname == province):
                province, rest = pname, stem[len(short):]
                in_province = lambda e: province_of(e) == province  # noqa: E731
                break
        if rest != stem and rest:
            cs, n = longest_prefix(rest, [c for c in cities if in_province(c)], city_forms)
            if len(cs) == 1:
                return cs[0]["name"]
        ks, _ = longest_prefix(rest, [k for k in counties if in_province(k)], county_forms)
        if len(ks) == 1:
            return ks[0]["name"]
        return province

    def read_tsv(name):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            return [line.rstrip("\n").split("\t") for line in f
                    if line.strip() and not line.startswith("#")]

    province_full = {}
    for short, pname in province_of_short.items():
        province_full[short] = pname
    zones = []  # (name, kind_of_list, province)
    for seq, name, prov in read_tsv("etdz.tsv"):
        zones.append((name, "etdz", province_full[prov]))
    for (name,) in read_tsv("hightech.txt"):
        zones.append((name, "hightech", ""))
    overrides = {row[0]: row[1] for row in read_tsv("overrides.tsv")}
    extras = {row[0]: row[1:] for row in read_tsv("extra_aliases.tsv")}

    def normal(name):
        """A zone's name without 市 after its place, 国家 or a province in front."""
        for short in sorted(province_of_short, key=len, reverse=True):
            if name.startswith(short) and len(name) > len(short) + 4:
                name = name[len(short):]
                break
        return name.replace("市", "").replace("国家", "")

    existing_zone = {}
    for e in by_name.values():
        if e["kind"] == "development_zone":
            existing_zone.setdefault(normal(e["name"]), e["name"])

    rows, unresolved = [], []
    for name, list_kind, province in zones:
        suffixes = ETDZ_SUFFIXES if list_kind == "etdz" else HIGHTECH_SUFFIXES
        stem, suffix = stem_of(name, suffixes)
        if name in overrides:
            parent = overrides[name]
        else:
            parent = resolve_parent(stem, province)
        if not parent:
            unresolved.append(name)
        forms = []
        if len(stem) >= 2:
            if suffix == "经济技术开发区":
                forms += [stem + "经开区", stem + "经济开发区", stem + "开发区"]
            elif suffix in ("高新技术产业开发区", "高新技术产业园区", "新技术开发区"):
                forms += [stem + "高新区", stem + "国家高新技术产业开发区", stem + "国家高新区"]
            elif suffix == "火炬高技术产业开发区":
                forms += [stem + "火炬高新区", stem + "火炬开发区"]
            if suffix == "火炬高技术产业开发区":  # several cities have one: shared, by context
                forms += ["火炬高新区", "火炬开发区"]
        forms += extras.get(name, [])
        target = name
        if name not in by_name and normal(name) in existing_zone:
            target = existing_zone[normal(name)]
            forms = [name] + forms
        rows.append({"name": target, "parent": parent if target not in by_name else "",
                     "forms": [f for f in forms if f != target], "source": list_kind})
    if unresolved:
        sys.exit("no parent for: " + ", ".join(unresolved))

    # A form several new zones have is shared by them; a form already taken is left out.
    count = {}
    for r in rows:
        for f in set(r["forms"]):
            count[f] = count.get(f, 0) + 1
    names = {r["name"] for r in rows}
    # The national lists as groups: 全国国家级经开区 totals are figures of the group.
    group_of = {"etdz": "国家级经济技术开发区", "hightech": "国家高新技术产业开发区"}
    lines = [
        "  - {name: 国家级经济技术开发区, kind: zone_group, aliases: [国家级经开区]}",
        "  - {name: 国家高新技术产业开发区, kind: zone_group, aliases: [国家高新区, 国家级高新区]}",
    ]
    for w in ("国家级经济技术开发区", "国家级经开区", "国家高新技术产业开发区", "国家高新区", "国家级高新区"):
        if w in taken:
            sys.exit(f"{w} is already in the dictionary")
    for r in rows:
        aliases = [f for f in dict.fromkeys(r["forms"])
                   if count[f] == 1 and f not in taken and f not in names]
        shared = [f for f in dict.fromkeys(r["forms"])
                  if count[f] > 1 and f not in taken and f not in names]
        fields = [f"name: {r['name']}", "kind: development_zone"]
        if r["parent"]:
            fields.append(f"parent: {r['parent']}")
        fields.append(f"groups: [{group_of[r['source']]}]")
        if aliases:
            fields.append(f"aliases: [{', '.join(aliases)}]")
        if shared:
            fields.append(f"shared_aliases: [{', '.join(shared)}]")
        lines.append("  - {" + ", ".join(fields) + "}")
    n_etdz = sum(1 for z in zones if z[1] == "etdz")
    n_ht = len(zones) - n_etdz
    header = f"""# yaml-language-server: $schema=../schemas/dictionary.schema.json
# GENERATED by tools/zones/generate.py from the lists in tools/zones/ (sources, dates read and
# rules in tools/zones/README.md): do not edit here; edit the lists and regenerate.
# {n_etdz} national economic and technological development zones (国家级经济技术开发区) and
# {n_ht} national high-tech zones (国家高新技术产业开发区), kind development_zone, each with its
# parent (the county-level unit its name names, else its city, else its province). A zone
# national.yaml or entities.yaml already has is not repeated: its entry here only adds aliases.
entities:
"""
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "\n".join(lines) + "\n")
    print(f"wrote {len(lines)} entries to {out}")


if __name__ == "__main__":
    main()
