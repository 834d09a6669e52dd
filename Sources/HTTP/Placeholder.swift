enum PlaceholderHTTP {}
