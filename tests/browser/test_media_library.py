"""An editor uploads an image to the media library in the Japanese admin, then picks it for
a release photo through the lookup window; the release page shows it with the library's
alternative text. No label on the library's pages is English."""

import pytest

from library.models import Image
from news.models import ReleasePhoto, Status
from tests.browser.test_news import fill_tab, quiet_favicon
from tests.conftest import member
from tests.images import image_bytes
from tests.news.factories import DraftReleaseFactory
from tests.test_admin_japanese import english_words, labels_of

pytestmark = pytest.mark.django_db(transaction=True)


def english_labels(page) -> list[str]:
    return [label for label in labels_of(page.content()) if english_words(label)]


def test_upload_to_the_library_and_pick_it_for_a_release(page, login):
    editor = member("Editors", "editor")
    release = DraftReleaseFactory(slug="library-pick", title_ja="ライブラリから選ぶ")
    quiet_favicon(page)
    login(page, editor)

    page.goto("/admin/library/image/add/")
    assert english_labels(page) == []
    page.locator("#id_title").fill("研究棟")
    page.locator("#id_file").set_input_files(
        {"name": "building.png", "mimeType": "image/png", "buffer": image_bytes(size=(800, 600))}
    )
    fill_tab(page, "", "alt", "ja", "ガラス張りの研究棟の外観")
    fill_tab(page, "", "alt", "en", "The glass-fronted research building")
    page.locator("input[name='_save']").click()
    page.wait_for_selector("text=追加しました")
    image = Image.objects.get()
    assert (image.uploaded_by, image.width, image.height) == (editor, 800, 600)
    page.goto("/admin/library/image/?usage=unused")
    assert page.get_by_role("link", name="研究棟").first.is_visible()
    assert english_labels(page) == []

    page.goto(f"/admin/news/release/{release.pk}/change/")
    page.locator("#photos-group .add-row a").click()
    with page.expect_popup() as opened:
        page.locator("#lookup_id_photos-0-library_image").click()
    lookup = opened.value
    lookup.wait_for_load_state()
    assert "_popup=1" in lookup.url
    # Picking closes the lookup window from inside the click: a Playwright click would then
    # fail waiting on a closed page (it did, on CI under load), so the click is queued in
    # the page and the test waits for the window to close.
    with lookup.expect_event("close"):
        lookup.get_by_role("link", name="研究棟").first.evaluate(
            "link => setTimeout(() => link.click(), 0)"
        )
    assert page.locator("#id_photos-0-library_image").input_value() == str(image.pk)
    page.locator("input[name='_save']").click()
    page.wait_for_selector(".messagelist .success")
    photo = ReleasePhoto.objects.get(release=release)
    assert (photo.library_image, photo.image.name) == (image, "")

    page.goto(f"/admin/library/image/{image.pk}/change/")
    assert page.get_by_role("link", name="ライブラリから選ぶ").is_visible()  # where it is used
    assert english_labels(page) == []

    release.status = Status.PUBLISHED
    release.publish_at_ja = release.publish_at_en = release.created_at
    release.save()
    page.context.clear_cookies()
    page.goto("/en/news/library-pick/")
    assert page.locator("img[alt='The glass-fronted research building']").is_visible()
    page.goto("/ja/news/library-pick/")
    assert page.locator("img[alt='ガラス張りの研究棟の外観']").is_visible()
