from django.urls import path

from guidance import feeds, views
from guidance.models import Article, Issuer, Topic
from publishing.cachetags import shows

app_name = "guidance"

# Fixed paths come before "veiledning/<slug>/" so that they are never read as an article's slug.
urlpatterns = [
    path("veiledning/", views.article_list, name="list"),
    path("veiledning/endringer/", views.changelog, name="changelog"),
    path("veiledning/nyheter/", views.news_list, name="news"),
    path("veiledning/sporsmal-og-svar/", views.faq, name="faq"),
    path("veiledning/lenker/", views.link_list, name="links"),
    path("veiledning/feed/", shows(Article, Issuer)(feeds.ChangesFeed()), name="feed"),
    path("veiledning/tema/", views.topic_list, name="topics"),
    path("veiledning/tema/<slug:slug>/", views.topic_detail, name="topic"),
    path("veiledning/tema/<slug:slug>/feed/", shows(Article, Topic, Issuer)(feeds.TopicChangesFeed()), name="topic_feed"),
    path("veiledning/<slug:slug>/", views.article_detail, name="article"),
    path("veiledning/<slug:slug>/historikk/", views.article_history, name="history"),
    path("veiledning/<slug:slug>/versjon/<int:number>/", views.article_version, name="version"),
]
