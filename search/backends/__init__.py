"""Product search backends: one interface (base.SearchBackend), chosen in settings."""
