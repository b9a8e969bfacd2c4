"""References: endnotes parsed into CSL-JSON, Ibid. resolved, works consolidated across chapters."""
