#!/usr/bin/env python3
"""Writes the synthetic NTA corporate-number sample files (issue 21): a full file and a difference file,
each as CSV and zip, in the Unicode (UTF-8) and Shift_JIS editions. Every row is made up: the demo
suppliers' numbers come from demo-suppliers.csv (themselves synthetic), the other companies are invented
with valid check digits. Run from the repository root: python3 sample-data/nta/make-samples.py"""
import csv, io, zipfile, os

HERE = os.path.dirname(os.path.abspath(__file__))

def check_digit(base):
    s = sum(int(base[12 - n]) * (1 if n % 2 == 1 else 2) for n in range(1, 13))
    return str(9 - s % 9)

def number(base):
    return check_digit(base) + base

PREF = {"愛知県": "23", "東京都": "13", "静岡県": "22", "岐阜県": "21", "富山県": "16", "三重県": "24",
        "大阪府": "27", "神奈川県": "14", "福岡県": "40", "兵庫県": "28", "京都府": "26", "埼玉県": "11",
        "長野県": "20", "滋賀県": "25", "広島県": "34", "宮城県": "04", "北海道": "01", "千葉県": "12"}

def split_address(address):
    for p in PREF:
        if address.startswith(p):
            return p, address[len(p):]
    if address.startswith("名古屋市"):
        return "愛知県", address
    return "東京都", address

def kind_of(name):
    if "有限会社" in name: return "302"
    if "合同会社" in name: return "305"
    if "株式会社" in name: return "301"
    return "399"

seq = [0]
def row(num, process, name, furigana, address, update, change, correct="0", latest="1", close_date="",
        close_cause="", successor="", kind=None, street="1-2-3", post="4500002", assigned="2015-10-05",
        en_name="", outside=""):
    seq[0] += 1
    pref, city = split_address(address) if address else ("", "")
    return [str(seq[0]), num, process, correct, update, change, name, "", kind or kind_of(name),
            pref, city, street if address else "", "", PREF.get(pref, "") if address else "",
            "201" if address else "", post if address else "", outside, "", close_date, close_cause,
            successor, "", assigned, latest, en_name, "", "", "", furigana, "0"]

suppliers = []
with open(os.path.join(HERE, "..", "demo-suppliers.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["法人番号"]:
            suppliers.append(r)

by_code = {s["取引先コード"]: s for s in suppliers}
SUCCESSOR = number("900000000011")   # 株式会社東海統合ホールディングス (absorbs S-10015 in the diff)
REVIVED = number("900000000022")
STRUCK = number("900000000033")
DELETED = number("900000000044")
ANNULLED = number("900000000055")
FOREIGN = number("900000000066")
CLOSED_OTHER = number("900000000077")
CLOSED_REGISTRAR = number("900000000088")
YAMADA_TOYOTA = number("900000000101")
YAMADA_OSAKA = number("900000000112")
YAMADA_CLOSED = number("900000000123")
YAMADA_SIMILAR = number("900000000134")
LIQUIDATED = number("900000000145")

full = []
for s in suppliers:
    name = s["取引先名"]
    if s["取引先コード"] == "S-10012":
        name = "株式会社テクノブリッジ"          # the master writes テクノ・ブリッジ: same after normalisation
    if s["取引先コード"] == "S-10010":
        name = "株式会社サクラ塗装工業"          # renamed long ago: the master still has the old name
        full.append(row(s["法人番号"], "11", name, "サクラトソウコウギョウ", s["住所"], "2024-04-10", "2024-04-01"))
        continue
    if s["取引先コード"] == "S-10007":
        full.append(row(s["法人番号"], "12", name, s["取引先名カナ"], s["住所"], "2023-07-20", "2023-07-14",
                        street="5-6-7"))
        continue
    full.append(row(s["法人番号"], "01", name, s["取引先名カナ"], s["住所"], "2015-11-13", "2015-10-05"))

full += [
    row(SUCCESSOR, "01", "株式会社東海統合ホールディングス", "トウカイトウゴウホールディングス", "愛知県岡崎市",
        "2019-06-03", "2019-05-27", assigned="2019-05-27"),
    row(YAMADA_TOYOTA, "01", "株式会社山田鉄工所", "ヤマダテッコウショ", "愛知県豊田市", "2016-02-01", "2016-01-20"),
    row(YAMADA_OSAKA, "01", "山田鉄工所株式会社", "ヤマダテッコウショ", "大阪府東大阪市", "2015-11-13", "2015-10-05"),
    row(YAMADA_CLOSED, "21", "有限会社山田鉄工所", "ヤマダテッコウショ", "愛知県豊田市", "2020-03-02", "2020-02-25",
        close_date="2020-02-25", close_cause="01"),
    row(YAMADA_SIMILAR, "01", "株式会社山田鉄工所ホールディングス", "ヤマダテッコウショホールディングス", "愛知県名古屋市中区",
        "2018-08-08", "2018-08-01"),
    row(REVIVED, "22", "株式会社よみがえり工業", "ヨミガエリコウギョウ", "静岡県浜松市", "2022-05-10", "2022-05-02"),
    row(STRUCK, "81", "合同会社抹消テスト", "マッショウテスト", "東京都千代田区", "2021-09-01", "2021-08-25"),
    row(DELETED, "99", "株式会社削除見本", "サクジョミホン", "東京都港区", "2021-10-01", "2021-09-20"),
    row(ANNULLED, "72", "株式会社合併無効見本", "ガッペイムコウミホン", "岐阜県岐阜市", "2022-01-11", "2022-01-05"),
    row(FOREIGN, "13", "エグザンプル・トレーディング・リミテッド", "エグザンプルトレーディング", "", "2023-03-03",
        "2023-02-27", kind="401", en_name="Example Trading Limited", outside="Singapore"),
    row(CLOSED_OTHER, "21", "株式会社その他閉鎖見本", "ソノタヘイサミホン", "三重県津市", "2021-12-01", "2021-11-30",
        close_date="2021-11-30", close_cause="31"),
    row(CLOSED_REGISTRAR, "21", "有限会社みなし解散見本", "ミナシカイサンミホン", "富山県富山市", "2019-01-10",
        "2018-12-13", close_date="2018-12-13", close_cause="21"),
    row(LIQUIDATED, "21", "株式会社清算結了見本", "セイサンケツリョウミホン", "神奈川県横浜市", "2020-06-30",
        "2020-06-20", close_date="2020-06-20", close_cause="01"),
]

seq[0] = 0
s4 = by_code["S-10015"]     # absorbed by merger (it holds contracts, so the finding shows)
s6 = by_code["S-10006"]     # 株式会社ひかりシステムサービス: renamed, then the rename corrected
s8 = by_code["S-10008"]     # 株式会社アサヒ精機製作所: moved twice on one day (a non-latest row first)
s14 = by_code["S-10014"]    # 株式会社大和ハーネス: closed (liquidated)
diff = [
    row(s4["法人番号"], "71", s4["取引先名"], s4["取引先名カナ"], s4["住所"], "2026-12-01", "2026-11-27",
        close_date="2026-11-27", close_cause="11", successor=SUCCESSOR),
    row(s6["法人番号"], "11", "株式会社ヒカリシステムサービス", "ヒカリシステムサービス", s6["住所"], "2026-12-01",
        "2026-11-25", latest="0"),
    row(s6["法人番号"], "11", "株式会社ひかりシステムサービス", s6["取引先名カナ"], s6["住所"], "2026-12-01",
        "2026-11-25", correct="1"),
    row(s8["法人番号"], "12", s8["取引先名"], s8["取引先名カナ"], "岐阜県各務原市", "2026-12-01", "2026-11-20",
        latest="0", street="9-9-9"),
    row(s8["法人番号"], "12", s8["取引先名"], s8["取引先名カナ"], "愛知県犬山市", "2026-12-01", "2026-11-26",
        street="1-1"),
    row(s14["法人番号"], "21", s14["取引先名"], s14["取引先名カナ"], s14["住所"], "2026-12-01", "2026-11-30",
        close_date="2026-11-30", close_cause="01"),
    row(number("900000000156"), "01", "株式会社新設見本", "シンセツミホン", "福岡県福岡市", "2026-12-01",
        "2026-11-28", assigned="2026-11-28"),
]

def write(name, rows):
    for edition, encoding in (("unicode", "utf-8"), ("sjis", "cp932")):
        text = io.StringIO()
        csv.writer(text, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
        data = text.getvalue().encode(encoding)
        base = f"{name}_{edition}"
        with open(os.path.join(HERE, base + ".csv"), "wb") as f:
            f.write(data)
        with zipfile.ZipFile(os.path.join(HERE, base + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
            info = zipfile.ZipInfo(base + ".csv", date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)

write("nta-full-20261130", full)
write("nta-diff-20261201", diff)
print(len(full), "full rows,", len(diff), "difference rows")
