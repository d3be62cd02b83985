from modeltranslation.translator import TranslationOptions, register

from .models import Question, RegistrationSettings


@register(RegistrationSettings)
class RegistrationSettingsTranslationOptions(TranslationOptions):
    fields = ("viewing_note",)


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("label", "help_text")
    required_languages = {"ja": ("label",)}
