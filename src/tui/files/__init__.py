"""Files on disk: the TOML codec, loading and atomic saving, the archive folder, the house
configuration, locks, recovery files.  Imports the model only."""
