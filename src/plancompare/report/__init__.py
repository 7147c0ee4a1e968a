"""Human-readable reports: plan summaries and comparison reports (text, markdown, HTML, CSV)."""
