from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from linkj.antispam import ProtectedFormView

from .forms import EnquiryForm
from .mail import send_enquiry_mails
from .models import Kind


class EnquiryView(ProtectedFormView):
    template_name = "contact/enquiry_form.html"
    form_class = EnquiryForm
    success_url_name = "contact:thanks"
    rate_scope = "contact"
    rate_limit_setting = "CONTACT_RATE_LIMIT"

    def get_initial(self):
        # Links such as ?kind=press preselect the subject.
        kind = self.request.GET.get("kind")
        return {"kind": kind if kind in Kind.values else Kind.GENERAL}

    def rate_limited_message(self) -> str:
        return _(
            "Many messages have come from your network in a short time, so this one "
            "was not sent. Please try again in an hour, or write to %(email)s."
        ) % {"email": settings.CONTACT_EMAIL}

    def form_valid(self, form):
        enquiry = form.save(commit=False)
        enquiry.language = get_language()
        enquiry.save()
        send_enquiry_mails(enquiry)
        return redirect("contact:thanks")


class ThanksView(TemplateView):
    template_name = "contact/thanks.html"
