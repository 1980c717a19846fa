#!/usr/bin/env python3
"""Writes the import tests' spreadsheets into OUTDIR (the build tree).

Usage: make_fixtures.py OUTDIR

XLSX files are written by hand with the standard library's zipfile, part by
part, so each test file shows exactly the feature it tests (a title row,
merged cells, formulas, shared and inline strings, an extra sheet first)
the way Excel and WPS write it. The 2,000-item list comes as XLSX and as a
GBK CSV with the same rows.
"""
import csv
import io
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'


def col_name(c):
    s = ''
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    """Rows of cells: a str (shared string), ('inline', s), ('rich', [runs]),
    int/float (number), bool, ('formula', f, cached or None), None (no cell)."""

    def __init__(self, name, rows, merges=(), start_row=1):
        self.name, self.rows, self.merges, self.start_row = name, rows, merges, start_row


def sheet_xml(sheet, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           f'<worksheet xmlns="{NS}" xmlns:r="{REL}"><sheetData>']
    for i, row in enumerate(sheet.rows):
        r = sheet.start_row + i
        if row is None:
            continue
        cells = []
        for j, v in enumerate(row):
            ref = f'{col_name(j + 1)}{r}'
            if v is None or v == '':
                continue
            if isinstance(v, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            elif isinstance(v, str):
                if v not in strings:
                    strings[v] = len(strings)
                cells.append(f'<c r="{ref}" t="s"><v>{strings[v]}</v></c>')
            elif v[0] == 'inline':
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v[1])}</t></is></c>')
            elif v[0] == 'rich':
                key = ('rich', tuple(v[1]))
                if key not in strings:
                    strings[key] = len(strings)
                cells.append(f'<c r="{ref}" t="s"><v>{strings[key]}</v></c>')
            elif v[0] == 'formula':
                _, f, cached = v
                if cached is None:
                    cells.append(f'<c r="{ref}"><f>{escape(f)}</f></c>')
                elif isinstance(cached, str):
                    cells.append(f'<c r="{ref}" t="str"><f>{escape(f)}</f><v>{escape(cached)}</v></c>')
                else:
                    cells.append(f'<c r="{ref}"><f>{escape(f)}</f><v>{cached!r}</v></c>')
        out.append(f'<row r="{r}">' + ''.join(cells) + '</row>')
    out.append('</sheetData>')
    if sheet.merges:
        out.append(f'<mergeCells count="{len(sheet.merges)}">' +
                   ''.join(f'<mergeCell ref="{m}"/>' for m in sheet.merges) + '</mergeCells>')
    out.append('</worksheet>')
    return ''.join(out)


def shared_strings_xml(strings):
    items = []
    for s in strings:
        if isinstance(s, tuple):  # rich text runs, with a phonetic guide that is not shown
            runs = ''.join(f'<r><rPr><b/></rPr><t xml:space="preserve">{escape(t)}</t></r>' for t in s[1])
            items.append(f'<si>{runs}<rPh sb="0" eb="1"><t>pin</t></rPh></si>')
        else:
            items.append(f'<si><t xml:space="preserve">{escape(s)}</t></si>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="{NS}" count="{len(items)}" uniqueCount="{len(items)}">' + ''.join(items) + '</sst>')


def with_prefix(xml):
    """The same part as .NET's Open XML SDK writes it: <x:row>, not <row>."""
    xml = xml.replace(f'xmlns="{NS}"', f'xmlns:x="{NS}"')
    return re.sub(r'<(/?)([A-Za-z]\w*)', r'<\1x:\2', xml)


def write_xlsx(path, sheets, prefixed=False):
    strings = {}
    sheet_parts = [sheet_xml(s, strings) for s in sheets]
    ordered = sorted(strings, key=strings.get)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in range(len(sheets))) +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
          + ''.join(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, s in enumerate(sheets))
          + '</sheets></workbook>')
    wb_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
               + ''.join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                         for i in range(len(sheets)))
               + f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
               '</Relationships>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', wb_rels)
        fix = with_prefix if prefixed else (lambda x: x)
        for i, part in enumerate(sheet_parts):
            z.writestr(f'xl/worksheets/sheet{i + 1}.xml', fix(part))
        z.writestr('xl/sharedStrings.xml', fix(shared_strings_xml(ordered)))


def hall_list(path):
    """What a hall exports: a notes sheet first, a title over the header,
    序号, a category merged down, formulas, rich and inline text, sparse cells."""
    notes = Sheet('填表说明', [['填表说明'], ['每行一个事项，事项编码不能重复。']])
    header = ['序号', '事项编码', '事项名称', '所属分类', '承诺时限', '法定时限', '收费标准',
              '申请材料', '办理流程', '网上办理地址', '是否加急']
    rows = [
        ['昆明市住房和城乡建设局政务服务事项清单'] + [None] * 10,
        ['（2026年11月更新）'],
        header,
        [1, 'JS-0001', ('rich', ['建筑工程施工许可证', '核发']), '建设工程', '3个工作日', '七个工作日', '不收费',
         '申请表（原件1份）；营业执照（复印件1份）', '受理→审查（2个工作日）→决定', 'https://zwfw.example.gov.cn/item/JS-0001', True],
        [('formula', 'A4+1', 2), 'JS-0002', ('inline', '建设工程质量安全监督登记'), None, '即办', None, '免费',
         None, None, None, False],
        [('formula', 'A5+1', None), 'JS-0003', '施工图审查备案', None, '5个工作日', None, '按件收取，每件80元',
         '审查合格书（原件及复印件各1份）', None, None, None],
        [4, ('formula', '"JS-"&"0004"', 'JS-0004'), '竣工验收备案', '房屋交易', '10个工作日', '20个工作日', None,
         None, None, None, None],
    ]
    # Row 8 is missing (blank); row 9 has cells in B, C and E only.
    rows.append(None)
    rows.append([None, 12345, '数字编码事项', None, '1'])
    merges = ['A1:K1', 'D4:D6']
    write_xlsx(path, [notes, Sheet('事项清单', rows, merges)])


DEPARTMENTS = ['市住房和城乡建设局建筑管理处', '市自然资源和规划局', '市市场监督管理局', '市人力资源和社会保障局',
               '市公安局出入境管理支队', '市民政局', '市交通运输局', '市卫生健康委员会']
CATEGORIES = ['建设工程', '房屋交易', '住房保障', '企业开办', '社会保障', '户籍证件', '婚姻登记', '医疗卫生']
KINDS = ['行政许可', '行政确认', '公共服务', '其他行政权力', '行政给付']
NUMERALS = ['一', '二', '三', '五', '七', '十', '十五', '二十']
MATERIALS = ['申请表', '营业执照', '法定代表人身份证明', '授权委托书', '身份证', '户口簿', '不动产权证书',
             '建设工程规划许可证', '施工合同', '监理合同', '房屋买卖合同', '结婚证']
NOTES = ['（原件1份）', '（复印件2份）', '（原件及复印件各1份）', '（电子版）', '（原件1份）（非必要）', '（选填）',
         '（系统共享，无需提交）', '']


def items(n):
    rng = random.Random(17)
    out = []
    for i in range(1, n + 1):
        statutory = rng.choice([5, 7, 10, 15, 20, 30])
        form = rng.randrange(7)
        if form == 0:
            promised, stat = '即办', f'{statutory}个工作日'
        elif form == 1:
            promised, stat = f'{NUMERALS[rng.randrange(4)]}个工作日', f'{statutory}个工作日'
        elif form == 2:
            promised, stat = f'{rng.randint(1, 15)}个自然日', f'{rng.randint(15, 60)}天'
        elif form == 3:
            promised, stat = '当场办结', ''
        elif form == 4:
            promised, stat = f'{rng.randint(1, 8)}小时', ''
        else:
            promised, stat = f'{rng.randint(1, statutory)}个工作日', f'{statutory}个工作日'
        fee = rng.choice(['不收费', '免费', '无', '按件收取，每件80元', '工本费：10元/本', '登记费每件550元'])
        materials = '；'.join(rng.choice(MATERIALS) + rng.choice(NOTES) for _ in range(rng.randint(1, 6)))
        steps = '→'.join(rng.sample(['受理', '审查', '核查（1个工作日）', '决定', '送达', '公示'], rng.randint(2, 5)))
        code = f'KM-{i:05d}'
        out.append([i, code, f'{rng.choice(CATEGORIES)}事项{i}号：{rng.choice(KINDS)}申请办理', rng.choice(KINDS),
                    rng.choice(DEPARTMENTS), rng.choice(CATEGORIES), f'{rng.randint(1, 20)}号窗口',
                    '《中华人民共和国行政许可法》第' + str(rng.randint(1, 80)) + '条；' + '本市实施办法，' * rng.randint(0, 3),
                    promised, stat, fee, materials, steps,
                    f'https://zwfw.example.gov.cn/item/{code}' if rng.random() < 0.7 else '暂无',
                    rng.choice(['准予许可决定书', '登记证明', '备案回执', ''])])
    return out


ITEM_HEADER = ['序号', '事项编码', '事项名称', '事项类型', '实施部门', '所属分类', '受理窗口', '设定依据',
               '承诺时限', '法定时限', '收费标准', '申请材料', '办理流程', '网上办理地址', '办理结果']


def big_list(xlsx_path, csv_path, n):
    rows = items(n)
    title = ['昆明市政务服务事项清单（2026年版）'] + [None] * (len(ITEM_HEADER) - 1)
    write_xlsx(xlsx_path, [Sheet('事项', [title, ITEM_HEADER] + rows, ['A1:O1'])])
    text = io.StringIO()
    w = csv.writer(text, lineterminator='\r\n')
    w.writerow(['昆明市政务服务事项清单（2026年版）'])
    w.writerow(ITEM_HEADER)
    w.writerows(rows)
    with open(csv_path, 'wb') as f:
        f.write(text.getvalue().encode('gbk'))


def small_gbk_csv(path):
    text = '事项编码,事项名称,承诺时限,收费标准\r\nGB-1,"婚姻登记，补领",三个工作日,"按件收取，每件80元"\r\n'
    with open(path, 'wb') as f:
        f.write(text.encode('gbk'))


def stats_workbook(path):
    """Monthly statistics: the month only in the sheet's name, after an item sheet."""
    items = Sheet('事项', [['事项编码', '事项名称'], ['A', '甲']])
    rows = [['窗口', '办件量', '按时办结', '非常满意', '满意', '基本满意', '不满意', '非常不满意'],
            ['1号窗口', 168, 168, 140, 10, 2, None, None],
            ['合计', 168, 168, 140, 10, 2, 0, 0]]
    write_xlsx(path, [items, Sheet('2026年10月', rows)])


def prefixed_workbook(path):
    """Elements with a namespace prefix, and the cells' values in shared strings."""
    rows = [['事项编码', '事项名称', '承诺时限'], ['P-1', ('rich', ['带前缀', '的事项']), '3个工作日']]
    write_xlsx(path, [Sheet('Sheet1', rows)], prefixed=True)


def not_a_workbook(path):
    """A zip that is some other document."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('word/document.xml', '<document/>')


def bomb(path, size):
    """One entry of `size` zero bytes: a few KB that inflate past the test's cap."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/workbook.xml', b'\0' * size)


def lying_bomb(path, size):
    """The same, with a directory that declares the entry 100 bytes long."""
    bomb(path, size)
    data = bytearray(open(path, 'rb').read())
    for sig, offset in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        at = data.find(sig)
        data[at + offset:at + offset + 4] = (100).to_bytes(4, 'little')
    open(path, 'wb').write(bytes(data))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    hall_list(os.path.join(out, 'hall_list.xlsx'))
    big_list(os.path.join(out, 'items_2000.xlsx'), os.path.join(out, 'items_2000_gbk.csv'), 2000)
    small_gbk_csv(os.path.join(out, 'small_gbk.csv'))
    stats_workbook(os.path.join(out, 'stats.xlsx'))
    not_a_workbook(os.path.join(out, 'not_a_workbook.zip'))
    prefixed_workbook(os.path.join(out, 'prefixed.xlsx'))
    bomb(os.path.join(out, 'bomb.xlsx'), 4 * 1024 * 1024)
    lying_bomb(os.path.join(out, 'lying_bomb.xlsx'), 4 * 1024 * 1024)


if __name__ == '__main__':
    main()
