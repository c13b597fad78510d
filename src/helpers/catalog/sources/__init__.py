"""Who said this: every source the book reads, in one place.

One catalog entry per publisher (its name as a reader knows it, its kind, its licence and
its rank when sources disagree) and one per source page (its title, written out with æøå
and numbers as the page prints them, never rebuilt from its address). Every other module
asks here: the credit under a figure, «Om dataene», the licence line, the footer, the data
package's publishers and the rule that picks one value when sources disagree.

- `utgivere.py`: publishers (name, kind, licence, rank) and the address patterns naming them;
  `kildeside(url)`, a page's publisher and title; SSB's table address, built once.
- `titler.py`: each page's title, as the page prints it.
- `valg.py`: the rule that picks one value when sources disagree.
- `rettigheter.py`: publishers, licences and sources of a data package resource.

Which value to use when sources disagree: the rule, written once.

The snapshot keeps every transcribed row, including disagreeing ones, as provenance.
When two rows give the same measure for the same region and year, we use:

1. SSB's statbank read through its API (rows a refresh wrote, `kildetype` "api") over
   everything transcribed from web pages; then Statistics Norway's pages over Oslo
   kommune over other publishers of SSB figures over secondary sources (news,
   Wikipedia): the closer to the producer and the fewer hands, the better. A transcribed
   value that differs from the API's stays in the frame as provenance.
2. For a tie within one publisher, an explicit decision in RESOLUTIONS below, with
   its reason. A tie with no decision is an error, so a refresh that introduces a
   new disagreement cannot slip through unnoticed.
"""

from helpers.catalog.sources.rettigheter import (  # noqa: F401
    licences,
    rettigheter,
    row_publishers,
)
from helpers.catalog.sources.titler import TITLER  # noqa: F401
from helpers.catalog.sources.utgivere import (  # noqa: F401
    CC_BY,
    OFFISIELL,
    PRIMAER,
    SEKUNDAER,
    SSB,
    UTGIVERE,
    Kildeside,
    Utgiver,
    finn_utgiver,
    katalogisert,
    kildeside,
    nokkel,
    ssb_tabell_url,
)
from helpers.catalog.sources.valg import (  # noqa: F401
    API,
    API_PUBLISHER,
    API_RANK,
    OTHER_RANK,
    RESOLUTIONS,
    SourceConflict,
    choose,
    github_url,
    publisher,
)
