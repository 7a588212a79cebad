"""manifest: read, validate and convert US and Mexican cargo manifests."""
