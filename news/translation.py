from modeltranslation.translator import TranslationOptions, register

from .models import Quote, Release, ReleasePhoto


@register(Release)
class ReleaseTranslationOptions(TranslationOptions):
    fields = ("title", "subtitle", "lead", "body", "attachment")
    required_languages = {"ja": ("title",)}


@register(ReleasePhoto)
class ReleasePhotoTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    # Not required: a library image brings its own; ReleasePhoto.clean() asks for it otherwise.


@register(Quote)
class QuoteTranslationOptions(TranslationOptions):
    fields = ("speaker", "speaker_title", "organisation", "text")
    required_languages = {"ja": ("speaker", "text")}
