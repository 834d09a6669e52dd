enum PlaceholderTLS {}
