from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"

    def ready(self):
        from accounts.contributions import SOURCES
        from accounts.export import EXPORTERS
        from reviews import handlers, members

        handlers.connect()
        SOURCES.append(members.contributions)
        EXPORTERS.append(members.exported_reviews)
        EXPORTERS.append(members.exported_tips)
