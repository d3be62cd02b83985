from modeltranslation.translator import TranslationOptions, register

from .models import Quote, Release, ReleasePhoto


@register(Release)
class ReleaseTranslationOptions(TranslationOptions):
    fields = ("title", "subtitle", "lead", "body", "attachment")
    required_languages = {"ja": ("title",)}


@register(ReleasePhoto)
class ReleasePhotoTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = {"ja": ("alt",)}


@register(Quote)
class QuoteTranslationOptions(TranslationOptions):
    fields = ("speaker", "speaker_title", "organisation", "text")
    required_languages = {"ja": ("speaker", "text")}
