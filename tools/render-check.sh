#!/usr/bin/env bash
# Renders exported pictures with every SVG renderer on this machine and checks they all draw the
# text in the one font the file names first (not part of `make test`: it needs Debian packages
# CI does not install, `librsvg2-bin inkscape libreoffice-draw-nogui poppler-utils`).
#
#   bash tools/render-check.sh [path/to/skyscale] [out-dir]
#
# For each picture (views with failures, deploys, charts; Korean and English) it writes the SVG
# and one PNG per renderer: resvg (`skyscale render --format png`), rsvg-convert, Inkscape,
# LibreOffice and Chromium, plus `<name>-sheet.png`, all five side by side, to look at. Then it
# prints each renderer to PDF and lists the fonts embedded (`pdffonts`): any font other than
# Noto Sans CJK means a renderer fell back to another font for some glyph (a mark, a digit) and
# drew it at another size, and the script exits 1. Chromium's PDFs carry unnamed Type 3 fonts,
# so its font check is the e2e test's (`tests/e2e/export.spec.mjs`, through DevTools).
# A renderer that is not installed is skipped and named.
set -euo pipefail

BIN=${1:-target/release/skyscale}
OUT=${2:-/tmp/skyscale-render-check}
mkdir -p "$OUT"
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

PICTURES=(
  "monolith|fail=payments"
  "microservices|fail=payments"
  "microservices|deploy=dispatch&peak=3000"
  "monolith|deploy=dispatch"
  "stack|cell=faas-runtime&step=4"
  "lanes|pat=flash&peak=2500&t=600&cur=krw"
  "breakeven|dur=200&mem=1024"
)

have() { command -v "$1" >/dev/null 2>&1; }
missing=()
for tool in rsvg-convert inkscape soffice pdffonts; do have "$tool" || missing+=("$tool"); done
[ -n "$CHROMIUM" ] || missing+=("chromium")
[ ${#missing[@]} -eq 0 ] || echo "render-check: not installed, skipped: ${missing[*]}"

bad=0
# Fonts in a PDF other than Noto Sans CJK (LibreOffice names the collection's faces after its
# first, "NotoSansCJKjp-…", whichever face it drew with).
check_pdf() {
  local renderer=$1 pdf=$2
  [ -s "$pdf" ] && have pdffonts || return 0
  local others
  others=$(pdffonts "$pdf" | tail -n +3 | awk '{print $1}' | grep -v '^\[none\]$' \
    | grep -v -E '^([A-Z]{6}\+)?NotoSansCJK' || true)
  if [ -n "$others" ]; then
    echo "render-check: $renderer drew $(basename "$pdf" .pdf) with other fonts: $(echo $others)"
    bad=1
  fi
}

for pic in "${PICTURES[@]}"; do
  view=${pic%%|*}
  query=${pic#*|}
  for lang in en ko; do
    name="$view-$(echo "$query" | tr '&=' '_-')-$lang"
    svg="$OUT/$name.svg"
    "$BIN" render "$view" --scenario "$query" --lang "$lang" --out "$svg"
    read -r w h < <(sed -n 's/.*<svg [^>]*width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$svg" | head -1)
    "$BIN" render "$view" --scenario "$query" --lang "$lang" --format png --scale 1 --out "$OUT/$name-resvg.png"
    if have rsvg-convert; then
      rsvg-convert "$svg" -o "$OUT/$name-rsvg.png"
      rsvg-convert -f pdf "$svg" -o "$OUT/$name-rsvg.pdf"
      check_pdf rsvg-convert "$OUT/$name-rsvg.pdf"
    fi
    if have inkscape; then
      inkscape "$svg" --export-type=png --export-filename="$OUT/$name-inkscape.png" >/dev/null 2>&1
      inkscape "$svg" --export-type=pdf --export-filename="$OUT/$name-inkscape.pdf" >/dev/null 2>&1
      check_pdf Inkscape "$OUT/$name-inkscape.pdf"
    fi
    if have soffice; then
      soffice --headless --convert-to png --outdir "$OUT/lo" "$svg" >/dev/null 2>&1
      soffice --headless --convert-to pdf --outdir "$OUT/lo" "$svg" >/dev/null 2>&1
      mv "$OUT/lo/$name.png" "$OUT/$name-libreoffice.png"
      mv "$OUT/lo/$name.pdf" "$OUT/$name-libreoffice.pdf"
      check_pdf LibreOffice "$OUT/$name-libreoffice.pdf"
    fi
    if [ -n "$CHROMIUM" ]; then
      "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --hide-scrollbars --window-size="${w%.*},${h%.*}" \
        --screenshot="$OUT/$name-chromium.png" "file://$svg" >/dev/null 2>&1
    fi
    # The contact sheet: every renderer's PNG side by side, labelled (drawn by rsvg-convert).
    if have rsvg-convert; then
      python3 - "$OUT" "$name" "$w" "$h" <<'EOF'
import base64, os, sys
out, name, w, h = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
cells = []
for i, r in enumerate(["chromium", "resvg", "rsvg", "inkscape", "libreoffice"]):
    png = os.path.join(out, f"{name}-{r}.png")
    if not os.path.exists(png):
        continue
    x = len(cells) * (w + 10)
    data = base64.b64encode(open(png, "rb").read()).decode()
    cells.append(f'<text x="{x + 4}" y="18" font-size="16" font-family="DejaVu Sans">{r}</text>'
                 f'<image x="{x}" y="26" width="{w}" height="{h}" href="data:image/png;base64,{data}"/>')
width = len(cells) * (w + 10)
open(os.path.join(out, f"{name}-sheet.svg"), "w").write(
    f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h + 26}">'
    f'<rect width="100%" height="100%" fill="#e5e7eb"/>{"".join(cells)}</svg>')
EOF
      rsvg-convert "$OUT/$name-sheet.svg" -o "$OUT/$name-sheet.png"
      rm "$OUT/$name-sheet.svg"
    fi
  done
done
rmdir "$OUT/lo" 2>/dev/null || true
echo "render-check: pictures in $OUT (*-sheet.png: every renderer side by side)"
exit $bad
