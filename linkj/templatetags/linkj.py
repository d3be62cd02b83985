from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from linkj import cache as linkj_cache
from linkj import extensions
from linkj.images import rendition
from linkj.links import absolute_url, site_path

register = template.Library()


def _other_language_url(request, code: str) -> str:
    url = site_path(translate_url(site_path(request.path), code))
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every language: for the switcher and hreflang links.

    A view narrows this with two context variables:
    - `page_languages`: the languages the page exists in (a release live only in Japanese).
      Another language gets no hreflang and no switch link, so nothing points to a 404.
    - `is_error_page`: a 404, 400, 403 or 414 exists in no language. The switch links each
      other language's home page, and the address the visitor sent is never copied back.
    Each link says whether it is the same page (`is_alternate`, printed as hreflang).
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    is_error_page = bool(context.get("is_error_page"))
    page_languages = context.get("page_languages")
    links = []
    for code, _name in settings.LANGUAGES:
        is_current = code == current
        if is_error_page:
            with translation.override(code):
                url = reverse("home")
            is_alternate = False
        elif page_languages is not None and code not in page_languages:
            if not is_current:
                continue
            url, is_alternate = _other_language_url(request, code), False
        else:
            url, is_alternate = _other_language_url(request, code), True
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": absolute_url(url),
                "is_current": is_current,
                "is_alternate": is_alternate,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def x_default_url(context) -> str:
    """The page without its language prefix: it redirects each visitor to their language,
    which is what x-default means (and what the sitemap lists). Empty where the page does
    not exist in every language (see language_links)."""
    request = context["request"]
    if context.get("is_error_page") or context.get("page_languages") is not None:
        return ""
    default = settings.LANGUAGE_CODE
    path = translate_url(site_path(request.path), default).replace(f"/{default}/", "/", 1)
    return absolute_url(path)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    request = context["request"]
    page = request.GET.get("page", "")
    path = site_path(request.path)
    if page.isdigit() and page != "1":
        path = f"{path}?page={page}"
    return absolute_url(path)


@register.simple_tag(name="absolute_url")
def absolute_url_tag(url: str) -> str:
    """`{% absolute_url release.get_absolute_url %}`: the link on the configured site."""
    return absolute_url(str(url))


@register.simple_tag
def lang_attr(obj, field_name: str) -> str:
    """` lang="ja"` when a translated field falls back to Japanese on another language page."""
    current = get_language() or settings.LANGUAGE_CODE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if current == default:
        return ""
    own = getattr(obj, f"{field_name}_{current.replace('-', '_')}", None)
    if own:
        return ""
    return format_html(' lang="{}"', default)


@register.simple_tag
def image(field_file, widths: str = "320", alt: str = "", sizes: str = "", css_class: str = ""):
    """An <img> with width, height, srcset and alt, from cached renditions of an upload."""
    if not field_file:
        return ""
    steps = sorted({int(width) for width in str(widths).split(",")})
    renditions = [rendition(field_file, width) for width in steps]
    base = renditions[0]
    srcset = ", ".join(f"{r.url} {r.width}w" for r in renditions)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} '
        'loading="lazy" decoding="async">',
        base.url,
        srcset,
        sizes or f"{base.width}px",
        base.width,
        base.height,
        alt,
        format_html(' class="{}"', css_class) if css_class else "",
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag(takes_context=True)
def page_sections(context, slot_name: str, obj) -> str:
    """Render the sections upper apps registered for `obj`'s page (linkj/extensions.py)."""
    parts = []
    for section in getattr(extensions, slot_name):
        section_context = section.context(obj)
        if section_context is not None:
            parts.append(
                render_to_string(section.template, section_context, request=context.get("request"))
            )
    return mark_safe("".join(parts))  # rendered templates, escaped there


@register.simple_tag(takes_context=True)
def row_additions(context, row) -> str:
    """What upper apps add to a partnership table row (e.g. the announcing release)."""
    return mark_safe(  # rendered templates, escaped there
        "".join(
            render_to_string(template, {"row": row}, request=context.get("request"))
            for template in extensions.partnership_row_templates
        )
    )


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        # The output was escaped as it rendered; keep it as it is.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render once, use as often as needed.

    base.html wraps its title and description blocks in it, so that the page's own title
    also fills og:title and the Twitter card without every template repeating it."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class SharedNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or not context.get("share_fragments"):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        kept = context.get("kept_fragments") or {}
        if name in kept:  # the view found it kept (linkj.views.SharedPageMixin)
            return kept[name]
        return linkj_cache.shared_fragment(request, name, lambda: self.nodelist.render(context))


@register.tag
def shared(parser, token):
    """`{% shared "name" %}…{% endshared %}`: HTML that every visitor of this
    address gets alike, rendered once per content change (linkj.cache.shared_fragment), on
    pages whose view says so (`share_fragments`, linkj.views.SharedPageMixin); elsewhere it
    renders as if the tag were not there.

    The key holds the name, the language, the path and the whole query string. What is
    inside must not depend on the visitor (no form with a CSRF token, no edit link, no nonce):
    such a rendering is never kept.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('Use {% shared "name" %}…{% endshared %}')
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(nodelist, parser.compile_filter(bits[1]))


# Share links are plain links to each network's own share page: no script, no tracking pixel,
# nothing loaded from them until the visitor follows one.
SHARE_TARGETS = [
    ("LINE", "https://social-plugins.line.me/lineit/share", "url", None),
    ("X", "https://x.com/intent/post", "url", "text"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php", "u", None),
    ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/", "url", None),
]


@register.inclusion_tag("includes/share_links.html")
def share_links(url: str, title: str = "") -> dict:
    """`{% share_links release.get_absolute_url release.title %}`"""
    address = absolute_url(str(url))
    links = []
    for name, base, url_param, text_param in SHARE_TARGETS:
        query = {url_param: address}
        if text_param and title:
            query[text_param] = str(title)
        links.append({"name": name, "href": f"{base}?{urlencode(query)}"})
    return {"links": links}


@register.inclusion_tag("includes/edit_link.html", takes_context=True)
def edit_link(context, obj) -> dict:
    """ "Edit this page" for staff who may change `obj` (see linkj/preview.py: cached pages,
    which only anonymous visitors get, never contain it)."""
    from linkj.preview import change_url_for

    return {"url": change_url_for(context.get("request"), obj)}


def _japanese() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith("ja")


# Japanese typography: full-width brackets with no space before them, and no space between
# sentences (「…です。次に…」). English keeps its spaces. For template text that joins
# pieces, where a translation cannot carry the punctuation itself.
@register.simple_tag
def open_paren() -> str:
    return "（" if _japanese() else " ("


@register.simple_tag
def close_paren() -> str:
    return "）" if _japanese() else ")"


@register.simple_tag
def sentence_gap() -> str:
    return "" if _japanese() else " "
