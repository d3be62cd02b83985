from modeltranslation.translator import TranslationOptions, register

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "nav_title", "summary", "body")
    required_languages = {"ja": ("title",)}
