"""Feeds, mounted under each locale prefix: /<lang>/feeds/..."""

from django.urls import path

from . import feeds

app_name = "metadata_feeds"

urlpatterns = [
    path("resources.rss", feeds.LatestMaterialsFeed(), name="resources_rss"),
    path("resources.atom", feeds.LatestMaterialsAtomFeed(), name="resources_atom"),
    path("community/<str:slug>.rss", feeds.CommunityMaterialsFeed(), name="community_rss"),
    path("community/<str:slug>.atom", feeds.CommunityMaterialsAtomFeed(), name="community_atom"),
]
