"""References: parse free-text endnotes into CSL-JSON, resolve Ibid., and consolidate works across chapters."""
