"""Rich text: one allow-list, applied in the model layer so that every save path is covered.

A widget only cleans what comes through a form. `objects.create()`, `bulk_create()`,
`update()`, fixtures and importers bypass it, so the field itself sanitises both in
`pre_save` (keeping the instance in step) and in `get_db_prep_save` (covering raw saves and
queryset updates).
"""

from __future__ import annotations

import nh3
from django import forms
from django.db import models

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "code", "pre",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "*": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value: str | None) -> str:
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


# The editor offers exactly what the allow-list keeps: headings, lists, links, emphasis,
# tables, quotations. Its assets ship with django-prose-editor (no CDN).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}


def editor_widget(admin: bool = False):
    """The prose editor, started by our own module (static/news/prose-editor.js).

    The package's presets need an inline import map (blocked by script-src 'self') and let
    Tiptap inject an inline <style> element (blocked by style-src 'self'). Our module imports
    the editor bundle by relative URL instead, turns the injection off and loads the same
    rules as a file, so the editor works under the site's CSP with no nonce and no exception.
    """
    from django_prose_editor.widgets import AdminProseEditorWidget, ProseEditorWidget

    widget_base = AdminProseEditorWidget if admin else ProseEditorWidget
    stylesheets = [
        "django_prose_editor/material-icons.css",
        "django_prose_editor/editor.css",
        *(["django_prose_editor/overrides.css"] if admin else []),
        "news/prose-editor-base.css",
    ]

    class Widget(widget_base):
        @property
        def media(self):
            return forms.Media(
                css={"all": stylesheets},
                js=[forms.widgets.Script("news/prose-editor.js", type="module")],
            )

    return Widget(config={"extensions": EDITOR_EXTENSIONS}, preset="configurable")


def _empty_document(value: str) -> str:
    # ProseMirror always submits at least one empty paragraph; store that as empty.
    return "" if value in ("<p></p>", "<p><br></p>") else value


class RichTextFormField(forms.CharField):
    def __init__(self, *args, admin_widget: bool = False, **kwargs):
        kwargs["widget"] = editor_widget(admin=admin_widget)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return sanitize_html(_empty_document(super().clean(value) or ""))


class RichTextField(models.TextField):
    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = sanitize_html(value)
        return super().get_db_prep_save(value, connection)

    def formfield(self, **kwargs):
        from django.contrib.admin.widgets import AdminTextareaWidget

        # The admin asks for its textarea widget; answer with the editor's admin variant.
        widget = kwargs.pop("widget", None)
        is_admin = widget is not None and (
            (isinstance(widget, type) and issubclass(widget, AdminTextareaWidget))
            or isinstance(widget, AdminTextareaWidget)
        )
        return super().formfield(
            **{"form_class": RichTextFormField, "admin_widget": is_admin, **kwargs}
        )
