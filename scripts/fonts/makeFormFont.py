"""Rebuilds shared/fonts/NotoSansCJKtc-Regular-Big5.ttf (decision 0042) with fontTools:
python3 scripts/fonts/makeFormFont.py shared/fonts/NotoSansCJKtc-Regular-Big5.ttf
Takes the Traditional Chinese face out of the Noto Sans CJK collection, keeps the characters of Big5
(every character of the household registers) plus ASCII, Latin-1 and full-width forms, and converts the
CFF outlines to TrueType: a CID-keyed CFF subset written by fontkit does not load in poppler, TrueType does."""
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools import subset
coll = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
face = None
for f in coll.fonts:
    name = f['name'].getDebugName(4)
    if name == 'Noto Sans CJK TC':
        face = f
print('face', face['name'].getDebugName(4))
chars = set(range(0x20, 0x7f)) | set(range(0xa0, 0x100))
for hi in range(0x81, 0xff):
    for lo in list(range(0x40, 0x7f)) + list(range(0xa1, 0xff)):
        try:
            chars.add(ord(bytes([hi, lo]).decode('big5')))
        except Exception:
            pass
chars |= set(range(0x3000, 0x3040)) | set(range(0xff00, 0xff66))
opts = subset.Options()
opts.layout_features = []
opts.name_IDs = ['*']
opts.name_legacy = True
opts.name_languages = ['*']
opts.notdef_outline = True
opts.desubroutinize = True
opts.hinting = False
s = subset.Subsetter(opts)
s.populate(unicodes=chars)
s.subset(face)
face.save("/tmp/form-font.otf")
print(len(chars))
import sys
face = TTFont("/tmp/form-font.otf")
gs = face.getGlyphSet()
glyf = newTable('glyf'); glyf.glyphOrder = face.getGlyphOrder(); glyf.glyphs = {}
for name in face.getGlyphOrder():
    pen = TTGlyphPen(gs)
    gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf[name] = pen.glyph()
face['loca'] = newTable('loca')
face['glyf'] = glyf
maxp = face['maxp']; maxp.tableVersion = 0x00010000
for a in ['maxZones','maxTwilightPoints','maxStorage','maxFunctionDefs','maxInstructionDefs','maxStackElements','maxSizeOfInstructions','maxComponentElements']:
    setattr(maxp, a, 0)
maxp.maxZones = 1
maxp.maxComponentDepth = 0
del face['CFF ']
if 'VORG' in font: del face['VORG']
face['head'].glyphDataFormat = 0
face['post'].formatType = 3.0  # no glyph names: smaller
face.sfntVersion = '\x00\x01\x00\x00'
# fontkit's subsetter (pdf-lib) reads a glyph's length from loca assuming 4-byte padding; unpadded
# glyphs came out blank in the PDF.
face['glyf'].padding = 4
face.save(sys.argv[1])
