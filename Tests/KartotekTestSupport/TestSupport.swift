import MARC

/// Shared helpers for Kartotek tests.
public enum TestSupport {}
