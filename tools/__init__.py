"""Tools for the people who look after the site; not part of the build."""
