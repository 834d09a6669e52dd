enum PlaceholderIO {}
