#!/usr/bin/env python3
"""Generate the placeholder images of the bundled demo content.

Writes, with the Python standard library only (zlib + struct, no PIL):

  content/photos/sNN.png  one 240x320 portrait placeholder per staff member:
                          a soft coloured background with a neutral grey
                          head-and-shoulders silhouette (no real faces)
  content/assets/logo.png a 256x256 emblem-like logo: a red disc with a white
                          building silhouette (not a real government emblem)

The output is deterministic: the same script writes the same bytes.

Usage: scripts/make-placeholder-images.py [--content DIR] [--staff N]
"""

import argparse
import os
import struct
import zlib

# ---------------------------------------------------------------- PNG writer


def png_bytes(width, height, rows, alpha):
    """Encode rows (lists of (r, g, b[, a]) tuples) as a PNG."""
    channels = 4 if alpha else 3
    raw = bytearray()
    for row in rows:
        raw.append(0)  # filter type None; flat areas compress well anyway
        for px in row:
            raw.extend(px[:channels])
    assert len(raw) == height * (1 + width * channels)

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    colour_type = 6 if alpha else 2
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def render(width, height, layers, background, ss=4):
    """Rasterise with ss x ss supersampling.

    layers: list of (colour, inside(x, y) -> bool), painted in order over
    background. Colours are (r, g, b, a). Returns rows of RGBA tuples.
    """
    rows = []
    offsets = [(i + 0.5) / ss for i in range(ss)]
    n = ss * ss
    for y in range(height):
        row = []
        for x in range(width):
            acc = [0.0, 0.0, 0.0, 0.0]
            for oy in offsets:
                for ox in offsets:
                    px, py = x + ox, y + oy
                    colour = background
                    for col, inside in layers:
                        if inside(px, py):
                            colour = col
                    a = colour[3] / 255.0
                    acc[0] += colour[0] * a
                    acc[1] += colour[1] * a
                    acc[2] += colour[2] * a
                    acc[3] += a
            alpha = acc[3] / n
            if alpha > 0:
                rgb = tuple(int(round(acc[i] / acc[3])) for i in range(3))
            else:
                rgb = (0, 0, 0)
            row.append(rgb + (int(round(alpha * 255)),))
        rows.append(row)
    return rows


# ------------------------------------------------------------------- shapes


def ellipse(cx, cy, rx, ry):
    return lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x < x1 and y0 <= y < y1


def triangle(ax, ay, bx, by, cx, cy):
    def side(px, py, qx, qy, rx, ry):
        return (px - rx) * (qy - ry) - (qx - rx) * (py - ry)

    def inside(x, y):
        d1 = side(x, y, ax, ay, bx, by)
        d2 = side(x, y, bx, by, cx, cy)
        d3 = side(x, y, cx, cy, ax, ay)
        neg = d1 < 0 or d2 < 0 or d3 < 0
        pos = d1 > 0 or d2 > 0 or d3 > 0
        return not (neg and pos)
    return inside


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


# ------------------------------------------------------------------- photos

# Soft pastel backgrounds, one per staff member in turn (HSL-ish, light).
BACKGROUNDS = [
    (198, 222, 240), (214, 234, 214), (240, 226, 200), (228, 214, 238),
    (204, 232, 228), (242, 214, 214), (226, 230, 206), (210, 220, 242),
    (236, 222, 230), (216, 236, 242), (238, 232, 210), (220, 214, 232),
    (206, 228, 214), (240, 220, 208), (214, 226, 236), (232, 236, 222),
    (226, 216, 210), (212, 232, 238), (236, 228, 238), (222, 238, 220),
]

# Neutral greys, varied a little so the placeholders are told apart.
SILHOUETTES = [(128, 132, 138), (118, 120, 124), (138, 140, 144), (110, 114, 120)]


def photo(index, width=240, height=320):
    bg = BACKGROUNDS[index % len(BACKGROUNDS)] + (255,)
    grey = SILHOUETTES[index % len(SILHOUETTES)] + (255,)
    # Vary the proportions slightly per person (deterministic).
    head_rx = 46 + (index * 7) % 9
    head_ry = head_rx * 1.2
    shoulder_rx = 104 + (index * 5) % 14
    cx = width / 2
    head = ellipse(cx, 128, head_rx, head_ry)
    neck = rect(cx - 21, 160, cx + 21, 222)
    shoulders = ellipse(cx, height + 16, shoulder_rx, 128)
    figure = union(head, neck, shoulders)
    rows = render(width, height, [(grey, figure)], bg, ss=3)
    return png_bytes(width, height, [[p[:3] for p in r] for r in rows], alpha=False)


# --------------------------------------------------------------------- logo


def logo(size=256):
    red = (200, 16, 46, 255)
    white = (255, 255, 255, 255)
    gold = (245, 200, 66, 255)
    clear = (0, 0, 0, 0)
    c = size / 2
    disc = ellipse(c, c, c - 2, c - 2)
    ring = ellipse(c, c, c - 14, c - 14)
    inner = ellipse(c, c, c - 20, c - 20)
    # A white building: roof, body and a stepped tower on the right.
    roof = triangle(56, 128, 128, 68, 200, 128)
    body = rect(72, 126, 184, 196)
    base = rect(60, 196, 196, 206)
    door = rect(114, 160, 142, 196)
    windows = union(rect(84, 140, 104, 158), rect(152, 140, 172, 158))
    layers = [
        (red, disc),
        (gold, ring),
        (red, inner),
        (white, union(roof, body, base)),
        (red, union(door, windows)),
    ]
    rows = render(size, size, layers, clear, ss=4)
    return png_bytes(size, size, rows, alpha=True)


# --------------------------------------------------------------------- main


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", default=os.path.join(here, "..", "content"))
    parser.add_argument("--staff", type=int, default=18,
                        help="number of staff photos s01..sNN (default 18)")
    args = parser.parse_args()

    photos = os.path.join(args.content, "photos")
    assets = os.path.join(args.content, "assets")
    os.makedirs(photos, exist_ok=True)
    os.makedirs(assets, exist_ok=True)

    for i in range(args.staff):
        path = os.path.join(photos, "s%02d.png" % (i + 1))
        with open(path, "wb") as f:
            f.write(photo(i))
    with open(os.path.join(assets, "logo.png"), "wb") as f:
        f.write(logo())
    print("wrote %d photos and the logo under %s" % (args.staff, os.path.normpath(args.content)))


if __name__ == "__main__":
    main()
