//! ESF activity reports (not built yet).
