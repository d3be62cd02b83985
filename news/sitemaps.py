from linkj.sitemaps import I18nSitemap

from .models import Release, language_codes


class ReleaseSitemap(I18nSitemap):
    """Each release at the address of every language it is live in, and only those."""

    changefreq = "monthly"
    url_name = "news:release_detail"

    def items(self):
        return (
            Release.objects.live_anywhere()
            .with_live_flags()
            .only("slug", "updated_at")
            .newest_first()
        )

    def get_languages_for_item(self, release):
        return [code for code in language_codes() if getattr(release, f"live_{code}")]
