"""Selection: reviewers, conflicts of interest, scores on the rubric, ranking and decisions."""

from django.urls import path

from . import views

app_name = "selection"

urlpatterns = [
    # Reviewers
    path("reviews/", views.queue, name="queue"),
    path("reviews/<int:pk>/conflict/", views.declare, name="declare"),
    path("reviews/<int:pk>/conflict/later/", views.declare_later, name="declare_later"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("reviewer-invitation/<str:token>/", views.reviewer_invitation, name="reviewer_invitation"),
    # Teams
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    # Staff
    path("intakes/", views.intake_list, name="intake_list"),
    path("intakes/<int:intake_pk>/", views.intake_home, name="intake_home"),
    path("intakes/<int:intake_pk>/reviewers/", views.reviewers, name="reviewers"),
    path("intakes/<int:intake_pk>/assignments/", views.assignments, name="assignments"),
    path("assignments/<int:pk>/reassign/", views.reassign, name="reassign"),
    path("intakes/<int:intake_pk>/conflicts/", views.conflicts, name="conflicts"),
    path("conflicts/<int:pk>/keep/", views.conflict_keep, name="conflict_keep"),
    path("applications/<int:pk>/reviews/", views.application_reviews, name="application_reviews"),
    path("review/<int:pk>/reopen/", views.review_reopen, name="review_reopen"),
    path("intakes/<int:intake_pk>/ranking/", views.ranking, name="ranking"),
    path("intakes/<int:intake_pk>/ranking.csv", views.ranking_csv, name="ranking_csv"),
    path("intakes/<int:intake_pk>/balance/", views.balance, name="balance"),
    path("intakes/<int:intake_pk>/release/", views.release, name="release"),
    path("intakes/<int:intake_pk>/templates/<str:outcome>/", views.template_edit, name="template_edit"),
    path("intakes/<int:intake_pk>/confirmations/", views.confirmations, name="confirmations"),
]
