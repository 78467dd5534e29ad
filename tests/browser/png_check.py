#!/usr/bin/env python3
"""png_check.py — a screenshot shows something: a valid PNG of the expected
width whose pixels are not (nearly) all one colour.  A headless capture that
failed to paint is a blank white image, which this rejects.

Usage: png_check.py FILE WIDTH.  Prints "FILE: WxH, N% non-background
pixels"; exits 1 when the file is not such a PNG.  Standard library only
(8-bit RGB/RGBA, non-interlaced: what Chromium writes)."""
import struct
import sys
import zlib


def rows(data, width, bpp):
    """Undoes the PNG scanline filters; yields each row's bytes."""
    stride = width * bpp
    prev = bytearray(stride)
    i = 0
    while i < len(data):
        ftype, line = data[i], bytearray(data[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        yield line
        prev = line


def main(path, want_width):
    with open(path, "rb") as f:
        png = f.read()
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        print(f"{path}: not a PNG")
        return 1
    pos, idat, hdr = 8, b"", None
    while pos < len(png):
        n, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour, _, _, interlace = hdr
    if depth != 8 or colour not in (2, 6) or interlace:
        print(f"{path}: unsupported PNG format (depth {depth}, colour {colour})")
        return 1
    bpp = 3 if colour == 2 else 4
    # sample every 4th row: enough to tell a page from a blank
    counts, total = {}, 0
    for y, line in enumerate(rows(zlib.decompress(idat), w, bpp)):
        if y % 4:
            continue
        for x in range(0, w * bpp, bpp * 2):
            px = bytes(line[x:x + 3])
            counts[px] = counts.get(px, 0) + 1
            total += 1
    background = max(counts.values())
    share = 100.0 * (total - background) / total
    print(f"{path}: {w}x{h}, {share:.1f}% non-background pixels, {len(counts)} colours")
    if w != want_width:
        print(f"{path}: width {w}, expected {want_width}")
        return 1
    if share < 2.0 or len(counts) < 16:
        print(f"{path}: looks blank")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
