from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tags/<slug:slug>/", views.TagArchiveView.as_view(), name="tag"),
    path(
        "authors/<str:username>/", views.AuthorArchiveView.as_view(), name="author"
    ),
    path("search/", views.SearchView.as_view(), name="search"),
]
