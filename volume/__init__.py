"""volume: the edited-volume compiler."""

__version__ = "0.1.0"
