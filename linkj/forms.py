"""What every public form shares: the first field with an error takes the focus on the page
that shows the errors (the `autofocus` attribute, so no script is needed). Labels, and the
aria-describedby links from fields to their errors and hints, come from Django's own
rendering."""

from __future__ import annotations


class FocusFirstErrorMixin:
    def full_clean(self) -> None:
        super().full_clean()
        for name in self.fields:
            if name in self.errors:
                self.fields[name].widget.attrs["autofocus"] = True
                break
