"""Demo data: invented but plausible products, members, reviews and tips for development and tests.

Installed by the development and test settings only. The facts live in data files (`data/`,
described in its README). The code reads them (`datafiles`), turns them into concrete
products (`catalogue`), paints an illustration for each (`drawing`, `pictograms`) and
writes pages (`catalogue_loader`); then it invents members (`people`), plans their reviews
and votes (`contributions`, with texts from `writing`), their adaptation tips (`tips`) and
writes those (`contributions_loader`, `tips_loader`), with drawn diagrams standing in for
photos (`diagrams`). Nothing here touches the network, and every person, company and
shop in it is made up.
"""
