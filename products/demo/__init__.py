"""The demo catalogue: invented but plausible products that make a fresh site worth exploring.

`families_*` hold the hand-written product families, `catalogue` turns them into concrete
products, `drawing` paints an illustration for each, and `loader` writes them as pages.
Nothing here touches the network, and every company and shop in it is made up.
"""
