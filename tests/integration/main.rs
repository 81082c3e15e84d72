//! Integration tests: one binary, one module per area.

mod articles;
mod check;
mod cli;
mod cli_check;
mod companies;
mod companyfacts;
mod conformance;
mod corpus;
mod extract;
mod hostile;
mod ledger;
mod linking;
mod no_loss;
mod numerals;
mod periods;
mod props;
mod reports;
mod serve;
mod serve_page;
mod streaming;
