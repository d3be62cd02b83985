from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, FormerName, Partner, ScopeItem, Signatory


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "city", "description")
    required_languages = {"ja": ("name",)}


@register(FormerName)
class FormerNameTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ja": ("name",)}


@register(ScopeItem)
class ScopeItemTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ja": ("name",)}


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("notes",)


@register(Signatory)
class SignatoryTranslationOptions(TranslationOptions):
    fields = ("name", "title")
    required_languages = {"ja": ("name",)}
