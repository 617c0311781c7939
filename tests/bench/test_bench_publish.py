"""`manage.py bench_publish`: the crisis replay's publisher makes articles live through the services."""

import io

import pytest
from django.core.management import CommandError, call_command

from guidance.models import Article
from kommuneportal.management.commands.bench_publish import due_times, slugs_in
from publishing.models import ChangeType
from tests.factories import make_article, make_publisher

pytestmark = pytest.mark.django_db


def publish(hottest_file, every, seconds):
    out = io.StringIO()
    call_command("bench_publish", hottest=str(hottest_file), every=every, seconds=seconds, stdout=out)
    return out.getvalue()


def test_publishes_fall_every_interval_after_the_start_and_never_at_the_start_or_the_end():
    assert due_times(15, 60) == [15, 30, 45]
    assert due_times(2.5, 10) == [2.5, 5, 7.5]
    assert due_times(15, 10) == []
    assert due_times(0, 60) == []


def test_the_hottest_file_may_name_articles_by_path_or_slug():
    assert slugs_in("/veiledning/legevakt/\nbench-00001\n\n/veiledning/tema/\n") == ["legevakt", "bench-00001", "tema"]


def test_each_publish_makes_a_new_major_version_live_and_the_articles_take_turns(tmp_path):
    publisher = make_publisher(username="redaktor")
    first, second = make_article(author=publisher, slug="forste"), make_article(author=publisher, slug="andre")
    hottest = tmp_path / "hottest.txt"
    hottest.write_text("/veiledning/forste/\n/veiledning/andre/\n")

    output = publish(hottest, every=0.01, seconds=0.035)

    assert "bench_publish: 3 publishes" in output
    first, second = Article.objects.get(pk=first.pk), Article.objects.get(pk=second.pk)
    assert (first.live_version.number, second.live_version.number) == (3, 2)
    live = first.live_version
    assert live.change_type == ChangeType.MAJOR and live.change_note and live.approved_by == publisher
    assert live.body.startswith("Kommunelegen leder arbeidet.") and live.body != first.versions.get(number=2).body


def test_a_new_version_shows_on_the_article_page_at_once(tmp_path, client):
    publisher = make_publisher(username="redaktor")
    make_article(author=publisher, slug="forste")
    hottest = tmp_path / "hottest.txt"
    hottest.write_text("forste\n")
    publish(hottest, every=0.01, seconds=0.015)
    assert "(1. publisering i denne kjøringen)" in client.get("/veiledning/forste/").content.decode()


def test_without_a_live_article_in_the_file_it_stops_with_a_clear_message(tmp_path):
    make_publisher(username="redaktor")
    hottest = tmp_path / "hottest.txt"
    hottest.write_text("/veiledning/finnes-ikke/\n")
    with pytest.raises(CommandError, match="None of the articles"):
        publish(hottest, every=1, seconds=2)


def test_without_the_demo_publisher_it_stops_with_a_clear_message(tmp_path):
    make_article(slug="forste")
    hottest = tmp_path / "hottest.txt"
    hottest.write_text("forste\n")
    with pytest.raises(CommandError, match="load_demo"):
        publish(hottest, every=1, seconds=2)


def test_under_four_eyes_another_user_writes_what_the_publisher_approves(tmp_path, settings):
    settings.VERSIONING_FOUR_EYES = True
    publisher = make_publisher(username="redaktor")
    article = make_article(author=make_publisher(), approver=publisher, slug="forste")
    hottest = tmp_path / "hottest.txt"
    hottest.write_text("forste\n")
    assert "bench_publish: 1 publish in" in publish(hottest, every=0.01, seconds=0.015)
    live = Article.objects.get(pk=article.pk).live_version
    assert live.number == 2 and live.approved_by == publisher and live.author.username == "bench-forfatter"
