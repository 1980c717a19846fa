#!/usr/bin/env python3
"""Writes a valid feed with N items (and a roster for their windows), for
benchmarks: python3 bench/gen_feed.py 2000 > /tmp/items-2000.xml"""
import sys

CATEGORIES = ["建设工程", "房地产市场", "住房保障", "建筑市场与资质", "城市建设", "物业管理"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<hallboard version="1" generated="2026-11-27T08:00:00+08:00">', "<items>"]
    for i in range(n):
        window = i % 7 + 1
        out.append(f'''  <item id="GEN-{i:05d}" category="{CATEGORIES[i % len(CATEGORIES)]}" window="{window}">
    <name>第{i}号生成事项：建筑工程施工许可证核发</name>
    <department>市住房和城乡建设局</department>
    <kind>行政许可</kind>
    <basis>《中华人民共和国建筑法》第七条；《建筑工程施工许可管理办法》第二条</basis>
    <deadline promised="5" statutory="7" unit="workday"/>
    <fees>
      <fee name="工本费" amount="10.50" per="本" basis="云价收费〔2026〕1号"/>
    </fees>
    <materials>
      <material copies="1" form="original">建筑工程施工许可证申请表</material>
      <material copies="2" form="copy" required="false">建设工程规划许可证</material>
      <material copies="1" form="both">施工合同及中标通知书，
        以及建设资金已经落实的承诺书</material>
      <material form="electronic">施工图设计文件审查合格书</material>
    </materials>
    <procedure>
      <step name="受理" limit="1" unit="workday">窗口审核材料，当场受理或一次性告知需补正的全部材料</step>
      <step name="审查" limit="3" unit="workday">业务处室审查</step>
      <step name="决定" limit="1" unit="workday">作出准予或不予许可的决定</step>
    </procedure>
    <online url="https://zwfw.example.gov.cn/item/GEN-{i:05d}"/>
    <result>建筑工程施工许可证</result>
  </item>''')
    out.append("</items>")
    out.append("<roster>")
    for s in range(14):
        out.append(f'  <staff id="s{s}" name="工作人员{s}" title="科员" badge="ZJ{s:04d}"/>')
    for w in range(1, 8):
        out.append(f'  <window id="{w}"><post role="A" staff="s{2 * w - 2}"/><post role="B" staff="s{2 * w - 1}"/></window>')
    out.append("</roster>")
    out.append("</hallboard>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
