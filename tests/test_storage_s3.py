"""Uploads in a private S3 bucket (moto's in-process mock, no network): saved through the
storage API, printed as media-view addresses, streamed back through the permission check."""

import json
import os
import subprocess
import sys

import boto3
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto import mock_aws

from linkj.images import rendition
from tests import images
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db
BUCKET = "linkj-media-test"


@pytest.fixture
def s3(settings, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "linkj.storage.MediaS3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "us-east-1",
                    "querystring_auth": True,
                    "querystring_expire": 300,
                },
            },
        }
        cache.clear()
        yield client
        cache.clear()


def keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_uploads_and_renditions_go_to_the_bucket_and_are_served_through_the_view(s3, client):
    partner = PartnerFactory()
    partner.logo.save("logo.png", ContentFile(images.image_bytes(size=(300, 150))))
    small = rendition(partner.logo, 120)
    assert keys(s3) == [partner.logo.name, f"renditions/{partner.logo.name}/120.webp"]
    assert partner.logo.url == f"/media/{partner.logo.name}"

    stored = s3.get_object(Bucket=BUCKET, Key=partner.logo.name)["Body"].read()
    response = client.get(partner.logo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    assert client.get(small.url)["Content-Type"] == "image/webp"

    part = client.get(partner.logo.url, headers={"Range": "bytes=8-15"})
    assert part.status_code == 206
    assert b"".join(part.streaming_content) == stored[8:16]


def test_the_bucket_never_overwrites_a_name(s3):
    first = default_storage.save("partners/logos/a.png", ContentFile(b"one"))
    second = default_storage.save("partners/logos/a.png", ContentFile(b"two"))
    assert first != second
    with default_storage.open(first) as file:
        assert file.read() == b"one"


def test_an_objects_own_address_is_signed_and_short_lived(s3):
    name = default_storage.save("partners/logos/a.png", ContentFile(b"x"))
    signed = default_storage.signed_url(name)
    assert "X-Amz-Signature=" in signed
    assert "X-Amz-Expires=300" in signed


def test_a_hidden_partners_logo_in_the_bucket_is_not_found(s3, client):
    partner = PartnerFactory(is_disclosed=False)
    partner.logo.save("logo.png", ContentFile(images.image_bytes()))
    assert client.get(partner.logo.url).status_code == 404


def test_the_bucket_is_configured_from_the_environment():
    env = {
        **os.environ,
        "MEDIA_S3_BUCKET": "linkj-media",
        "MEDIA_S3_ENDPOINT_URL": "https://objects.example",
        "MEDIA_S3_REGION": "ap-northeast-1",
        "MEDIA_S3_ACCESS_KEY": "key",
        "MEDIA_S3_SECRET_KEY": "secret",
    }
    code = "import json, linkj.settings.base as s; print(json.dumps(s.STORAGES['default']))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    storage = json.loads(out)
    assert storage["BACKEND"] == "linkj.storage.MediaS3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "linkj-media",
        "endpoint_url": "https://objects.example",
        "region_name": "ap-northeast-1",
        "location": "",
        "addressing_style": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "access_key": "key",
        "secret_key": "secret",
    }


def test_without_a_bucket_uploads_stay_on_the_file_system():
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_S3_")}
    code = "import linkj.settings.base as s; print(s.STORAGES['default']['BACKEND'])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "django.core.files.storage.FileSystemStorage"


def test_an_object_gone_from_the_bucket_is_not_found(s3, client):
    partner = PartnerFactory()
    partner.logo.save("logo.png", ContentFile(images.image_bytes()))
    assert client.get(partner.logo.url).status_code == 200
    s3.delete_object(Bucket=BUCKET, Key=partner.logo.name)
    assert client.get(partner.logo.url).status_code == 404
