//! Runtime support for the positive credit register models.
