"""The Sphinx side of the book: what Jupyter Book 1 builds, fixed and made lighter.

`helpers.site.theme` is the Sphinx extension for the chrome (templates, Norwegian
catalogues, favicon, 404 page, sitemap, which theme assets a page loads);
`helpers.site.vega` renders the figures' MIME data into the page;
`helpers.site.litteratur` gives the reference list and citations Norwegian words.
"""
