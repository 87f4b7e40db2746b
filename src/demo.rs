//! The deterministic generator of synthetic records folders (not built yet).
