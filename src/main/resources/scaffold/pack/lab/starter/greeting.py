def greeting(name: str) -> str:
    """Returns a greeting for name, such as 'Hello, Ada!'."""
    raise NotImplementedError("TODO(lab): return 'Hello, ' followed by the name and an exclamation mark")
