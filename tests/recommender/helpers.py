"""Helpers for recommender tests."""

from recommender.rebuild import rebuild


def index_all():
    return rebuild()
