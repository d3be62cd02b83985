"""What every public form shares.

- No label suffix: labels stand above their fields, and a half-width colon after a Japanese
  label reads wrongly.
- The first field with an error takes the focus on the page that shows the errors (the
  `autofocus` attribute, so no script is needed). Labels, and the aria-describedby links
  from fields to their errors and hints, come from Django's own rendering.
"""

from __future__ import annotations


class PublicFormMixin:
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.fields:
            if name in self.errors:
                self.fields[name].widget.attrs["autofocus"] = True
                break
