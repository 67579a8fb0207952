def greeting(name: str) -> str:
    """Returns a greeting for name, such as 'Hello, Ada!'."""
    return f"Hello, {name}!"
