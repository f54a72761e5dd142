"""Rebuilds shared/fonts/NotoSansCJKtc-Regular-Big5.ttf (decision 0042) with fontTools 4.66:

    python3 scripts/fonts/makeFormFont.py shared/fonts/NotoSansCJKtc-Regular-Big5.ttf

Takes the Traditional Chinese face out of the Noto Sans CJK collection (Debian fonts-noto-cjk), keeps the
characters of Big5 (every character of the household registers) plus ASCII, Latin-1 and full-width forms,
and converts the CFF outlines to TrueType: a CID-keyed CFF subset written by fontkit does not load in
poppler, TrueType does. A rebuild differs from the committed file only in the `head` table (its date)."""
import os
import sys
import tempfile
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

COLLECTION = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'


def big5_characters():
    chars = set(range(0x20, 0x7f)) | set(range(0xa0, 0x100))
    for hi in range(0x81, 0xff):
        for lo in list(range(0x40, 0x7f)) + list(range(0xa1, 0xff)):
            try:
                chars.add(ord(bytes([hi, lo]).decode('big5')))
            except UnicodeDecodeError:
                pass
    return chars | set(range(0x3000, 0x3040)) | set(range(0xff00, 0xff66))


def subset_tc_face(path):
    face = next(f for f in TTCollection(COLLECTION).fonts if f['name'].getDebugName(4) == 'Noto Sans CJK TC')
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = ['*']
    opts.name_legacy = True
    opts.name_languages = ['*']
    opts.notdef_outline = True
    opts.desubroutinize = True
    opts.hinting = False
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=big5_characters())
    subsetter.subset(face)
    face.save(path)


def to_truetype(otf_path, ttf_path):
    face = TTFont(otf_path)
    glyphs = face.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = face.getGlyphOrder()
    glyf.glyphs = {}
    for name in face.getGlyphOrder():
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    face['loca'] = newTable('loca')
    face['glyf'] = glyf
    maxp = face['maxp']
    maxp.tableVersion = 0x00010000
    for field in ['maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements']:
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    del face['CFF ']
    if 'VORG' in face:
        del face['VORG']
    face['head'].glyphDataFormat = 0
    face['post'].formatType = 3.0  # no glyph names: a smaller file, and PDFs map by glyph id anyway
    face.sfntVersion = '\x00\x01\x00\x00'
    # fontkit's subsetter (pdf-lib) reads a glyph's length from loca assuming 4-byte padding; unpadded
    # glyphs came out blank in the PDF.
    face['glyf'].padding = 4
    face.save(ttf_path)


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as work:
        otf = os.path.join(work, 'subset.otf')
        subset_tc_face(otf)
        to_truetype(otf, sys.argv[1])
