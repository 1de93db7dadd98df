"""What a member wrote, for their "Your reviews and tips" page.

The reviews app adds a source in its AppConfig.ready():

    from accounts.contributions import SOURCES

    SOURCES.append(lambda user: Review.objects.filter(author=user))

A source takes the user and returns an iterable of that member's contributions; the page
shows each with its str() and, when it has one, a link to get_absolute_url().
"""

SOURCES = []


def contributions_for(user):
    return [item for source in SOURCES for item in source(user)]
