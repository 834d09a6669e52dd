enum PlaceholderEdge {}
