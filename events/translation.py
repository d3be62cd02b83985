from modeltranslation.translator import TranslationOptions, register

from .models import Category, Event, Speaker, Venue


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("name", "city", "address", "description", "usage")
    required_languages = {"ja": ("name",)}


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ja": ("name",)}


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "online_info", "organiser_note")
    required_languages = {"ja": ("title",)}


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("name", "affiliation")
    required_languages = {"ja": ("name",)}
