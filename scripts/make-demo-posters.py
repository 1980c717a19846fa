#!/usr/bin/python3
"""Generate the two poster pictures (宣传海报) of the bundled demo content.

  content/posters/landscape.png  1920x1080, the size to prepare for a
                                 landscape screen
  content/posters/portrait.png   1080x1920, for a portrait totem

Red and gold with Chinese text (宣传海报 / 办事不求人), quantised to 32
colours so that each stays near 30 KB. Needs PIL (python3-pil) and the Noto
CJK fonts (fonts-noto-cjk); run with the system Python, /usr/bin/python3.

Usage: scripts/make-demo-posters.py [--content DIR]
"""

import argparse
import os

from PIL import Image, ImageDraw, ImageFont

BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
REGULAR = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
RED, GOLD, WHITE = (180, 22, 28), (248, 208, 96), (255, 255, 255)


def font(path, size):
    return ImageFont.truetype(path, size, index=2)  # index 2: Simplified Chinese


def centred(draw, y, text, face, fill, width):
    draw.text(((width - draw.textlength(text, font=face)) / 2, y), text, font=face, fill=fill)


def poster(width, height, lines, path):
    image = Image.new("RGB", (width, height), RED)
    draw = ImageDraw.Draw(image)
    m = width // 40
    draw.rectangle([m, m, width - m, height - m], outline=GOLD, width=max(4, width // 320))
    band_top, band_h = int(height * 0.72), int(height * 0.08)
    draw.rectangle([0, band_top, width, band_top + band_h], fill=GOLD)
    y = int(height * 0.16)
    for text, face_path, size, fill, step in lines:
        centred(draw, y, text, font(face_path, size), fill, width)
        y += int(size * step)
    centred(draw, band_top + (band_h - width // 30) // 2 - width // 200,
            "昆明市住房和城乡建设局政务服务窗口", font(BOLD, width // 30), RED, width)
    centred(draw, int(height * 0.86), "咨询电话 0871-63123456", font(REGULAR, width // 34), WHITE,
            width)
    image.quantize(colors=32).save(path, optimize=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", default=os.path.join(here, "..", "content"))
    args = parser.parse_args()
    out = os.path.join(args.content, "posters")
    os.makedirs(out, exist_ok=True)
    poster(1920, 1080, [
        ("宣传海报", BOLD, 150, GOLD, 1.5),
        ("办事不求人", BOLD, 110, WHITE, 1.45),
        ("一窗受理 · 集成服务 · 最多跑一次", REGULAR, 60, WHITE, 1.4),
    ], os.path.join(out, "landscape.png"))
    poster(1080, 1920, [
        ("宣传海报", BOLD, 140, GOLD, 1.6),
        ("办事不求人", BOLD, 120, WHITE, 1.6),
        ("一窗受理", REGULAR, 72, WHITE, 1.5),
        ("集成服务", REGULAR, 72, WHITE, 1.5),
        ("最多跑一次", REGULAR, 72, WHITE, 1.5),
    ], os.path.join(out, "portrait.png"))
    print("wrote the demo posters under %s" % os.path.normpath(out))


if __name__ == "__main__":
    main()
