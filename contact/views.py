from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from linkj.ratelimit import allow_client

from .forms import EnquiryForm
from .mail import send_enquiry_mails
from .models import Kind


class EnquiryView(FormView):
    template_name = "contact/enquiry_form.html"
    form_class = EnquiryForm

    def get_initial(self):
        # Links such as ?kind=press preselect the subject.
        kind = self.request.GET.get("kind")
        return {"kind": kind if kind in Kind.values else Kind.GENERAL}

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        valid = form.is_valid()
        if form.is_spam:
            # Tell a robot nothing: it sees the same page a person would.
            return redirect("contact:thanks")
        if not valid:
            return self.form_invalid(form)
        limit, window = settings.CONTACT_RATE_LIMIT
        if not allow_client(request, "contact", limit=limit, window=window):
            form.add_error(
                None,
                _(
                    "Many messages have come from your network in a short time, so this one "
                    "was not sent. Please try again in an hour, or write to %(email)s."
                )
                % {"email": settings.CONTACT_EMAIL},
            )
            return self.form_invalid(form)
        return self.form_valid(form)

    def form_valid(self, form):
        enquiry = form.save(commit=False)
        enquiry.language = get_language()
        enquiry.save()
        send_enquiry_mails(enquiry)
        return redirect("contact:thanks")


class ThanksView(TemplateView):
    template_name = "contact/thanks.html"
