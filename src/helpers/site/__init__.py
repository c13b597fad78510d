"""The Sphinx side of the book: extensions that turn chapters into the site."""
