//! Report formats for `chorus check`: readable text and the JSON contract.
