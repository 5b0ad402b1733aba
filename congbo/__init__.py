"""congbo: public-information microsites for Vietnamese public bodies, from YAML data."""

__version__ = "0.1.0"
