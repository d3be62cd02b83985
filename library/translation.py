from modeltranslation.translator import TranslationOptions, register

from .models import Document, Image


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt", "credit")
    required_languages = {"ja": ("alt",)}


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    # A document's title is its link text on public pages, so it has both languages.
    fields = ("title", "credit")
