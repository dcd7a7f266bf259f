//! The pulse rendered: terminal text at a glance (`text`), JSON for
//! scripts (`json`), Markdown (`markdown`) and an HTML section for a report
//! (`html`), every text the answers or the set hold escaped.

pub mod cells;
pub mod compare;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
