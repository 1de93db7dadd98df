"""Reviews and adaptation tips (models arrive with the reviews issue)."""
