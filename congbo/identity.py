"""Who publishes the site, for the theme: name, contact, colours and share image, all from data/site.yml."""

from __future__ import annotations

from . import urls
from .site import Site


COLOURS_CSS = "assets/colours.css"
"""The site's colours as a style sheet (a file, so the Content-Security-Policy needs no inline style)."""


def colours_css(site: Site) -> str:
    """Material's colour variables set to the site's colours (checked in the model: '#rrggbb', 4.5:1 on white)."""
    colours = site.info.colours
    return (
        ":root {\n"
        f"  --md-primary-fg-color: {colours.primary};\n"
        f"  --md-primary-fg-color--light: {colours.primary};\n"
        f"  --md-primary-fg-color--dark: {colours.dark};\n"
        f"  --md-accent-fg-color: {colours.dark};\n"
        f"  --md-typeset-a-color: {colours.primary};\n"
        "}\n"
    )


def theme_identity(site: Site) -> dict:
    """What every page's head and footer say about the body behind the site (templates read ``cb_identity``)."""
    info = site.info
    return {
        "name": info.name,
        "owner": site.organisation[info.owner].name,
        "address": info.address,
        "phone": info.phone,
        "email": info.email,
        "contact": info.contact,
        "press": urls.PRESS,
        "share_image": info.share_image,
        "colours_css": COLOURS_CSS,
    }
