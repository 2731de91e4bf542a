//! Models of the positive credit register's extract API, generated from
//! `spec/credit-register-extract/v1.4.yaml` by `pcr-codegen generate`.
