"""Reading the pages the test client gets back."""

from bs4 import BeautifulSoup


def soup(response):
    """A response's page, parsed as a browser would with lxml."""
    return BeautifulSoup(response.content, "lxml")
