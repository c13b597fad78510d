"""Facts about the data: pure functions from tidy frames to plain values."""
