"""Draw the site's icons and default Open Graph image with Pillow, in the colours of
static/img/favicon.svg. Run once after a design change and commit the output:

    python scripts/make_site_images.py

public/favicon.ico (16, 32, 48 px) and public/apple-touch-icon.png (180 px) are served at the
site's root by whitenoise (WHITENOISE_ROOT); static/img/og-default.png (1200 x 630) is the
image shared links show for pages that have no photo or logo of their own.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
BRAND = (11, 92, 122)  # --brand in static/css/site.css
WHITE = (255, 255, 255)


def _centred(draw: ImageDraw.ImageDraw, box, text: str, font, fill) -> None:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = box[0] + (box[2] - box[0] - (right - left)) / 2 - left
    y = box[1] + (box[3] - box[1] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=fill)


def icon(size: int, rounded: bool = True) -> Image.Image:
    # Home-screen icons are square and opaque: the phone rounds their corners itself.
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0) if rounded else BRAND)
    draw = ImageDraw.Draw(image)
    if rounded:
        draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 6 // 32, fill=BRAND)
    _centred(draw, (0, 0, size, size), "LJ", ImageFont.load_default(size=size * 15 // 32), WHITE)
    return image


def og_image() -> Image.Image:
    image = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 630), fill=(7, 63, 84))
    _centred(draw, (0, 150, 1200, 330), "LINK-J", ImageFont.load_default(size=150), WHITE)
    _centred(
        draw,
        (0, 350, 1200, 430),
        "Life Science Innovation Network Japan",
        ImageFont.load_default(size=52),
        WHITE,
    )
    return image


def main() -> None:
    (ROOT / "public").mkdir(exist_ok=True)
    icon(256).save(ROOT / "public" / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    icon(180, rounded=False).convert("RGB").save(
        ROOT / "public" / "apple-touch-icon.png", optimize=True
    )
    og_image().save(ROOT / "static" / "img" / "og-default.png", optimize=True)


if __name__ == "__main__":
    main()
