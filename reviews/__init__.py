"""What members add to product pages: reviews, adaptation tips, photos, votes and reports."""
