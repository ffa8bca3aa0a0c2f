"""Reading accounts: claims, facts, links and findings."""
