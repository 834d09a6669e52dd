enum PlaceholderBayeux {}
