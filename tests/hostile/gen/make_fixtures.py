#!/usr/bin/env python3
"""Writes the small hostile fixtures of tests/hostile/ (committed; rerun after changing this).

    python3 tests/hostile/gen/make_fixtures.py

The huge cases (25 MB, 60 000 programs, province-sized files) are not committed: the tests
generate them in a temporary directory (tests/hostile.rs, tests/api/hostile.test.mjs,
tests/e2e/hostile.test.mjs).
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent.parent
ROOT = HERE.parent.parent
SAMPLE = json.loads((ROOT / "www/samples/kabupaten-sukamaju-2024.json").read_text("utf-8-sig"))


def minimal(**extra):
    mp = {
        "format": "kota-cerdas/masterplan",
        "format_version": 1,
        "region": {"name": "Kabupaten Uji", "kind": "kabupaten"},
        "evaluation": {"year": 2024},
        "programs": [
            {"id": "GOV-01", "name": "Mal Pelayanan Publik", "pillar": "governance",
             "horizon": "medium", "start_year": 2021, "status": "running"},
            {"id": "ECO-01", "name": "Pasar Digital", "pillar": "economy",
             "horizon": "short", "start_year": 2022, "status": "planned"},
        ],
    }
    mp.update(extra)
    return mp


def dump(obj, indent=2):
    return json.dumps(obj, ensure_ascii=False, indent=indent) + "\n"


FILES = {}


def put(name, data):
    FILES[name] = data.encode("utf-8") if isinstance(data, str) else data


sample_text = dump(SAMPLE)

# --- not JSON, or not a masterplan at all --------------------------------------------------
put("empty.json", b"")
put("whitespace-only.json", b"  \n\t\r\n   \n")
put("null.json", b"null")
put("top-level-array.json", b"[]\n")
put("top-level-string.json", b'"kota-cerdas/masterplan"\n')
put("truncated-half.json", sample_text[: len(sample_text) // 2])
put("truncated-in-string.json", sample_text[: sample_text.index("Mal Pelayanan") + 5])
put("truncated-after-key.json", '{"format": "kota-cerdas/masterplan", "format_version":')
put("trailing-garbage.json", dump(minimal()) + "}\n{}\n")
put("table.csv", "id;name;pillar;horizon;start_year;status\nGOV-01;Mal Pelayanan Publik;governance;medium;2021;running\n")
put("page.html", "<!doctype html>\n<html><head><title>Login</title></head>\n<body><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"></body></html>\n")
put("script-only.json", "<script>window.__pwned=1</script>")
put("xlsx-like.json", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5U\x1c\x00\x00\x00[Content_Types].xml")
put("comments.json", '{\n  // a comment\n  "format": "kota-cerdas/masterplan"\n}\n')
put("single-quotes.json", "{'format': 'kota-cerdas/masterplan', 'format_version': 1}")
put("nan-infinity.json", dump(minimal()).replace('"start_year": 2021', '"start_year": NaN').replace('"start_year": 2022', '"start_year": Infinity'))
put("raw-control-char.json", dump(minimal()).replace("Mal Pelayanan", "Mal\x01Pelayanan\x07"))

# --- encodings -----------------------------------------------------------------------------
mtext = dump(minimal())
put("utf16le-bom.json", b"\xff\xfe" + mtext.encode("utf-16-le"))
put("utf16be-bom.json", b"\xfe\xff" + mtext.encode("utf-16-be"))
put("utf16le-no-bom.json", mtext.encode("utf-16-le"))
put("double-bom.json", b"\xef\xbb\xbf\xef\xbb\xbf" + mtext.encode("utf-8"))
put("bom-utf8.json", b"\xef\xbb\xbf" + mtext.encode("utf-8"))
latin = minimal()
latin["region"]["name"] = "Kabupaten Pasuruan — Dinas Pekerjaan Umum"
latin["programs"][0]["name"] = "Café Digital Señor"
put("latin1.json", dump(latin).replace("—", "-").encode("latin-1"))
put("invalid-utf8-in-string.json", dump(minimal()).encode("utf-8").replace(b"Pasar Digital", b"Pasar \xc0\xaf\xed\xa0\x80\x80 Digital"))
put("invalid-utf8-outside-string.json", dump(minimal()).encode("utf-8").replace(b'"programs"', b'\xff\xfe"programs"'))
put("lone-surrogate-escape.json", dump(minimal()).replace("Pasar Digital", "Pasar \\ud800 Digital"))

# --- nesting and size ----------------------------------------------------------------------
put("deep-array-10000.json", "[" * 10000 + "]" * 10000)
put("deep-object-10000.json", '{"a":' * 10000 + "1" + "}" * 10000)
deep_in = minimal()
put("deep-inside-valid.json", dump(deep_in).replace('"kind": "kabupaten"', '"kind": "kabupaten", "extra": ' + "[" * 100 + "]" * 100))
long_name = minimal()
long_name["region"]["name"] = "Kabupaten " + "Panjang" * 7142  # 50 004 characters
put("name-50000-chars.json", dump(long_name))
ev = minimal()
ev["programs"][0]["evidence"] = [f"dokumen-{i}.pdf" for i in range(201)]
put("evidence-201.json", dump(ev))
prev = minimal()
prev["evaluation"]["previous"] = [{"year": 2000 + (i % 24), "index": 2} for i in range(1001)]
put("previous-1001.json", dump(prev))

# --- numbers out of range ------------------------------------------------------------------
t = dump(minimal())
put("number-1e400.json", t.replace('"start_year": 2021', '"start_year": 2021, "progress_percent": 1e400'))
put("number-minus-1e400.json", t.replace('"start_year": 2021', '"start_year": 2021, "progress_percent": -1e400'))
put("number-huge-integer.json", t.replace('"format_version": 1', '"format_version": 100000000000000000000000000000000000000000'))
put("number-negative-zero.json", t.replace('"start_year": 2021', '"start_year": 2021, "progress_percent": -0'))
put("number-tiny.json", t.replace('"start_year": 2021', '"start_year": 2021, "progress_percent": 1e-400'))
put("year-99999.json", t.replace('"start_year": 2021', '"start_year": 99999'))
put("year-negative.json", t.replace('"year": 2024', '"year": -2024'))
put("year-fraction.json", t.replace('"start_year": 2021', '"start_year": 2021.5'))
put("percent-250.json", t.replace('"start_year": 2021', '"start_year": 2021, "progress_percent": 250'))
put("percent-negative.json", t.replace('"start_year": 2021', '"start_year": 2021, "progress_percent": -5'))
s55 = minimal()
s55["evaluation"]["dimension_scores"] = {"baseline": 5.5}
put("score-5.5.json", dump(s55))
s0 = minimal()
s0["readiness"] = {"items": [{"aspect": "struktur", "id": "s-1", "question": "?", "score": 0}]}
put("readiness-score-0.json", dump(s0))
nat = minimal()
nat["national_indices"] = {"spbe": 1e300, "sakip": -1, "ikm": 1000, "ipm": 1e-300}
put("national-out-of-range.json", dump(nat))
put("format-version-2.json", t.replace('"format_version": 1', '"format_version": 2'))
put("format-version-string.json", t.replace('"format_version": 1', '"format_version": "1"'))
put("format-version-zero.json", t.replace('"format_version": 1', '"format_version": 0'))
put("format-version-1.5.json", t.replace('"format_version": 1', '"format_version": 1.5'))
no_format = minimal()
del no_format["format"]
put("format-missing.json", dump(no_format))
no_version = minimal()
del no_version["format_version"]
put("format-version-missing.json", dump(no_version))
put("format-wrong.json", t.replace('"kota-cerdas/masterplan"', '"kota-cerdas/assessment"'))

# --- wrong types everywhere ----------------------------------------------------------------
put("wrong-types-top.json", dump({
    "format": 1, "format_version": 1, "region": [], "masterplan": "2018-2022",
    "evaluation": "2024", "institutions": [], "readiness": 3, "programs": {},
    "impact": True, "national_indices": "WTP",
}))
wt = minimal()
wt["region"] = {"name": 42, "kind": ["kabupaten"], "code": 33.05, "province": {}}
wt["evaluation"] = {"year": "2024", "method": 1, "previous": {}, "dimension_scores": []}
wt["programs"] = [{
    "id": 1, "name": [], "pillar": 3, "sub_dimension": False, "horizon": None,
    "start_year": "2020", "end_year": {}, "status": True, "progress_percent": "80%",
    "lead_agency": 7, "evidence": "laporan.pdf", "quick_win": "yes",
}]
put("wrong-types-fields.json", dump(wt))
put("programs-of-nulls.json", dump(minimal(programs=[None, 1, "GOV-01", [], True])))

# --- duplicates ----------------------------------------------------------------------------
dup = minimal()
dup["programs"][1]["id"] = "GOV-01"
put("duplicate-ids.json", dump(dup))
put("duplicate-keys.json", '{"format": "kota-cerdas/masterplan", "format_version": 1, "format_version": 2,\n'
    ' "region": {"name": "A", "name": "B", "kind": "kota"}, "evaluation": {"year": 2024}, "programs": []}\n')

# --- prototype keys ------------------------------------------------------------------------
proto = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},\n' + dump(minimal())[1:]
proto = proto.replace('"kind": "kabupaten"', '"kind": "kabupaten", "__proto__": {"isAdmin": true}, "toString": "x", "hasOwnProperty": 1')
put("proto-keys.json", proto)
pc = minimal()
put("proto-in-closed-map.json", dump(pc).replace('"evaluation": {', '"evaluation": {"dimension_scores": {"__proto__": 4, "constructor": 4},'))

# --- strange characters --------------------------------------------------------------------
cc = minimal()
cc["region"]["name"] = "Kabupaten\u0000Nol\u0007Bel\u001bEsc\u007fDel\u0085Nel"
cc["programs"][0]["name"] = "Tab\tBaris\nBaru\rCR\u2028LS\u2029PS"
cc["programs"][0]["lead_agency"] = "\u0000"
put("control-chars-escaped.json", json.dumps(cc, ensure_ascii=True, indent=2) + "\n")
rtl = minimal()
rtl["region"]["name"] = "Kabupaten \u202eataK\u202c Uji \u200b\u200d\u2066iso\u2069"
rtl["programs"][0]["name"] = "\u202e\u0646\u0638\u0627\u0645 txt.exe"
rtl["programs"][0]["lead_agency"] = "\ufeffDiskominfo\ufffe"
rtl["programs"][1]["name"] = "😀 \U0010ffff combining e\u0301\u0301\u0301"
put("rtl-override-and-invisible.json", dump(rtl))

# --- the XSS-but-valid file: every text field hostile --------------------------------------
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
    "<svg onload=window.__pwned=1>",
    '"><iframe src="javascript:window.__pwned=1"></iframe>',
    "' onmouseover='window.__pwned=1' x='",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "${window.__pwned=1}",
    '=HYPERLINK("http://evil.example/","klik")',
    "<a href=\"javascript:window.__pwned=1\">tautan</a>",
]
# Keys whose values are the format's vocabulary (ids the engine must recognise).
VOCAB_KEYS = {"format", "kind", "pillar", "sub_dimension", "horizon", "status", "aspect", "method", "bpk_opinion", "code"}
counter = [0]


def poison(node, key=None, parent=None):
    if isinstance(node, dict):
        return {k: poison(v, k, node) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(v, key, parent) for v in node]
    if isinstance(node, str) and key not in VOCAB_KEYS:
        i = counter[0]
        counter[0] += 1
        return f"{PAYLOADS[i % len(PAYLOADS)]} #{i}"
    return node


xss = poison(copy.deepcopy(SAMPLE))
# region.code is free text too: poison it by hand (indicator codes are vocabulary).
xss["region"]["code"] = PAYLOADS[0]
put("xss-every-text-field.json", dump(xss))

for name, data in FILES.items():
    (HERE / name).write_bytes(data)
print(f"{len(FILES)} fixtures written to {HERE}")
