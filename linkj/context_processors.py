from django.conf import settings


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "SOCIAL_LINKS": settings.LINKJ_SOCIAL_LINKS}
