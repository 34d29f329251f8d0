"""The proofreader's checks: rules, findings filtered by waivers, safe fixes, re-checking what
changed, reports.  Imports the model and files; never the UI."""
